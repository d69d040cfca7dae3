package twostage.factor;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.ls.PopulationMoments;
import twostage.ls.RiskDecomposition;
import twostage.ls.RiskParts;
import twostage.random.Rng;

/**
 * The complete two-stage pipeline of the factor model: PPCA on m unlabeled draws (Lemma I.1), then min-norm OLS of
 * y on psi(x, A_hat) = W(A_hat) x over n labeled draws, scored by the exact conditional excess risk
 * R - sigma^2 = Rep + Leak_n + Var_n (Proposition B.1 / CF1), with E_{m,n} = n (R - sigma^2).
 *
 * <p>Both stages only see their data through second moments, so {@link #replicate} draws the two sample
 * second-moment matrices with the Bartlett shortcut ({@link WishartSampler}, exact in law, cost independent of m
 * and n): S_m for PPCA, and S_n = (1/n) X^T X for the design, from which Sigma_n = W S_n W^T and
 * c_n = W S_n w* (f* is linear). {@link #replicateDirect} draws the design itself and uses
 * {@link RiskDecomposition} (for validating the shortcut at small n).
 */
public final class FactorPipeline {

    private final FactorModel model;
    private final WishartSampler sampler;
    private final double sigma2;

    private FactorPipeline(FactorModel model) {
        this.model = model;
        this.sampler = WishartSampler.of(model.sigmaX());
        this.sigma2 = model.noiseVarianceByConditioning();
    }

    public static FactorPipeline of(FactorModel model) {
        return new FactorPipeline(model);
    }

    /** One replicate: the scaled parts n Rep, n Leak, n Var, and the PPCA rank. */
    public record Outcome(double nRep, double nLeak, double nVar, int rank) {
        public double excess() {
            return nRep + nLeak + nVar;
        }
    }

    /** Rep for features x -> W x, computed as the Sigma_x-norm of the residual w* - W^T Sigma^+ c. */
    public double rep(DMatrixRMaj w) {
        DMatrixRMaj sx = model.sigmaX();
        DMatrixRMaj ws = Mat.col(model.wStar());
        DMatrixRMaj sig = Linalg.sym(Mat.mult(w, Mat.multTransB(sx, w)));
        DMatrixRMaj c = Mat.mult(w, Mat.mult(sx, ws));
        DMatrixRMaj r = Mat.sub(ws, Mat.multTransA(w, Mat.mult(PseudoInverse.pinv(sig), c)));
        return Mat.multTransA(r, Mat.mult(sx, r)).get(0);
    }

    /** E_{m,n} and its parts with both sample covariances drawn by the Bartlett shortcut (needs m, n >= d). */
    public Outcome replicate(int m, int n, Rng rng) {
        PpcaEstimator est = PpcaEstimator.fit(sampler.bartlett(m, rng), model.k());
        DMatrixRMaj w = est.featureMatrix();
        DMatrixRMaj sn = sampler.bartlett(n, rng);
        DMatrixRMaj sx = model.sigmaX();
        DMatrixRMaj ws = Mat.col(model.wStar());
        DMatrixRMaj sig = Linalg.sym(Mat.mult(w, Mat.multTransB(sx, w)));
        DMatrixRMaj sigPinv = PseudoInverse.pinv(sig);
        DMatrixRMaj c = Mat.mult(w, Mat.mult(sx, ws));
        DMatrixRMaj sigN = Linalg.sym(Mat.mult(w, Mat.multTransB(sn, w)));
        DMatrixRMaj sigNPinv = PseudoInverse.pinv(sigN);
        DMatrixRMaj cN = Mat.mult(w, Mat.mult(sn, ws));
        DMatrixRMaj delta = Mat.sub(Mat.mult(sigNPinv, cN), Mat.mult(sigPinv, c));
        double leak = Mat.multTransA(delta, Mat.mult(sig, delta)).get(0);
        double var = sigma2 / n * Mat.trace(Mat.mult(sig, sigNPinv));
        return new Outcome(n * rep(w), n * leak, n * var, est.rank());
    }

    /** The same with the m pre-training draws and the n x d design drawn explicitly (cost O((m + n) d^2)). */
    public Outcome replicateDirect(int m, int n, Rng rng) {
        PpcaEstimator est = PpcaEstimator.fit(sampler.direct(m, rng), model.k());
        DMatrixRMaj w = est.featureMatrix();
        DMatrixRMaj x = sampler.draws(n, rng);
        DMatrixRMaj phi = Mat.multTransB(x, w);
        double[] f = Linalg.flat(Mat.mult(x, Mat.col(model.wStar())));
        PopulationMoments mom = PopulationMoments.exact(Linalg.sym(model.crossMoment(w, w)), model.targetMoment(w),
                model.targetSecondMoment());
        RiskParts parts = RiskDecomposition.of(mom, phi, f, sigma2);
        return new Outcome(n * parts.rep(), n * parts.leak(), n * parts.var(), est.rank());
    }

    /** m Rep(M_hat_m) alone (the pre-training fluctuation that Corollary 6.4's chi-square term describes). */
    public double mRep(int m, Rng rng) {
        PpcaEstimator est = PpcaEstimator.fit(sampler.bartlett(m, rng), model.k());
        return m * rep(est.featureMatrix());
    }

    public FactorModel model() {
        return model;
    }

    public double sigma2() {
        return sigma2;
    }
}
