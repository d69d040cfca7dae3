package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.check.FalseAlarm;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * The comparisons of Proposition B.1 on one instance (law, design): the conditional risk computed from its definition
 * ({@link ConditionalRisk}: exact noise average and Monte Carlo over noise vectors) against
 * sigma^2 + Rep + Leak_n + Var_n from {@link RiskDecomposition}, plus the two planted errors (heteroskedastic noise of
 * the same average variance; Var_n with tr(Sigma_n^+ Sigma_n) in place of tr(Sigma Sigma_n^+)).
 */
final class RiskComparison {

    private RiskComparison() {
    }

    /**
     * @param heteroVariances design noise variances of a heteroskedastic law whose test-point noise variance is sigma2
     */
    static RiskParts compare(CheckResult.Builder res, String label, FeatureLaw law, DMatrixRMaj phi, double[] fStar,
                             double sigma2, double[] heteroVariances, int draws, Rng rng) {
        int n = phi.numRows;
        PopulationMoments moments = law.moments();
        RiskParts parts = RiskDecomposition.of(moments, phi, fStar, sigma2);
        double decomposed = sigma2 + parts.excess();
        double direct = ConditionalRisk.exact(law, phi, fStar, sigma2);
        double tol = Tolerance.forDesignAndMoments(phi, moments.sigma()) * Math.max(1, direct);
        String sizes = "n=" + n + ", p=" + phi.numCols + ", rank Phi=" + PseudoInverse.of(phi).rank()
                + ", rank Sigma=" + PseudoInverse.of(moments.sigma()).rank();
        res.add(Evidence.close("R (definition, exact noise average) vs sigma^2 + Rep + Leak_n + Var_n [" + label + "]",
                Role.CLAIM, direct, decomposed, tol, sizes + String.format(java.util.Locale.ROOT,
                        "; Rep=%.4g, Leak_n=%.4g, Var_n=%.4g", parts.rep(), parts.leak(), parts.var())));
        double[] white = new double[n];
        java.util.Arrays.fill(white, sigma2);
        MonteCarlo mc = ConditionalRisk.monteCarlo(law, phi, fStar, white, sigma2, draws, rng);
        res.add(Evidence.withinSE("R (definition, Monte Carlo over noise vectors) vs decomposition [" + label + "]",
                Role.CLAIM, mc.mean(), decomposed, mc.standardError(), FalseAlarm.Z, draws + " noise vectors"));
        double hetero = ConditionalRisk.exact(law, phi, fStar, heteroVariances, sigma2);
        res.add(Evidence.plantedErrorCaught("heteroskedastic noise with the same mean variance",
                Evidence.close("R under heteroskedastic noise vs decomposition [" + label + "]", Role.CONTROL, hetero,
                        decomposed, tol, "")));
        double dEff = Mat.trace(Mat.mult(PseudoInverse.pinv(sampleCovariance(phi)), sampleCovariance(phi)));
        double wrongVar = sigma2 + parts.rep() + parts.leak() + sigma2 / n * dEff;
        res.add(Evidence.plantedErrorCaught("Var_n with tr(Sigma_n+ Sigma_n) in place of tr(Sigma Sigma_n+)",
                Evidence.close("R vs decomposition with the wrong variance term [" + label + "]", Role.CONTROL, direct,
                        wrongVar, tol, "")));
        return parts;
    }

    static DMatrixRMaj sampleCovariance(DMatrixRMaj phi) {
        DMatrixRMaj s = Mat.scale(1.0 / phi.numRows, Mat.multTransA(phi, phi));
        twostage.random.RandomMatrices.symmetrize(s);
        return s;
    }
}
