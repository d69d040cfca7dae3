package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.ls.PopulationMoments;
import twostage.ls.RiskDecomposition;
import twostage.ls.RiskParts;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * One repetition of Appendix K's finite-sample protocol (p. 111): draw m = floor(alpha n) pre-training points, fit
 * the centres by EM, draw an independent design X_{1:n}, and compute the conditional risk exactly by Proposition B.1
 * (label noise integrated analytically). Population moments of the fitted features are computed on a fixed
 * evaluation sample of the downstream law (common random numbers across repetitions), in the reduced feature
 * coordinates of {@link FeatureMap} (an isometry of the feature space, which leaves min-norm OLS unchanged).
 */
public final class TwoStageReplication {

    /** n(R - sigma^2) and its parts: pre-training n Rep, leakage n Leak, variance n Var (= sigma^2 tr(Sigma Sigma_n^+)). */
    public record Outcome(double total, double pretraining, double leakage, double variance, int emIterations) { }

    private final MixtureInstance inst;
    private final DMatrixRMaj evaluation;
    private final double[] evaluationTarget;
    private final double targetSecondMoment;
    private final EmEstimator em;

    private TwoStageReplication(MixtureInstance inst, DMatrixRMaj evaluation, EmEstimator em) {
        this.inst = inst;
        this.evaluation = evaluation;
        this.em = em;
        this.evaluationTarget = new double[evaluation.numRows];
        double s = 0;
        for (int j = 0; j < evaluation.numRows; j++) {
            evaluationTarget[j] = inst.target(evaluation.data, j * inst.dimension());
            s += evaluationTarget[j] * evaluationTarget[j];
        }
        this.targetSecondMoment = s / evaluation.numRows;
    }

    /**
     * @param evaluationSize draws of the fixed evaluation sample for the population moments
     * @param em             the EM estimator (its restarts and start rule)
     */
    public static TwoStageReplication of(MixtureInstance inst, int evaluationSize, EmEstimator em, Rng rng) {
        if (evaluationSize < 10 * inst.effectiveDimension()) {
            throw new IllegalArgumentException("evaluation sample must have at least 10 d_eff draws, got " + evaluationSize);
        }
        return new TwoStageReplication(inst, inst.model().sample(evaluationSize, rng), em);
    }

    /**
     * One repetition at downstream size n and ratio alpha.
     *
     * @param startAtTruth start EM at U* (the catalogue's shortcut) in addition to the estimator's restarts
     */
    public Outcome run(int n, double alpha, boolean startAtTruth, Rng rng) {
        if (n < 1 || !(alpha > 0)) {
            throw new IllegalArgumentException("need n >= 1 and alpha > 0, got n=" + n + ", alpha=" + alpha);
        }
        int m = (int) Math.floor(alpha * n);
        DMatrixRMaj pre = inst.model().sample(m, rng);
        EmEstimator.Fit fit = em.fit(pre, startAtTruth ? inst.model().centres() : null, rng);
        FeatureMap psi = inst.features(fit.centres());
        DMatrixRMaj design = inst.model().sample(n, rng);
        return risk(psi, design, n, fit.iterations());
    }

    /** Proposition B.1 at the fitted features. */
    Outcome risk(FeatureMap psi, DMatrixRMaj design, int n, int iterations) {
        int p = psi.reducedDimension();
        int d = inst.dimension();
        int ne = evaluation.numRows;
        DMatrixRMaj sigma = new DMatrixRMaj(p, p);
        DMatrixRMaj cm = new DMatrixRMaj(p, 1);
        evaluationMoments(psi, sigma, cm);
        DMatrixRMaj phi = new DMatrixRMaj(n, p);
        double[] fStar = new double[n];
        for (int j = 0; j < n; j++) {
            psi.reduced(design.data, j * d, phi.data, j * p);
            fStar[j] = inst.target(design.data, j * d);
        }
        PopulationMoments mom = new PopulationMoments(sigma, cm, targetSecondMoment, 1.0 / Math.sqrt(ne));
        RiskParts parts = RiskDecomposition.of(mom, phi, fStar, inst.noiseVariance()).times(n);
        return new Outcome(parts.excess(), parts.rep(), parts.leak(), parts.var(), iterations);
    }

    /**
     * The feature covariance Sigma = E psi psi^T and the cross moment E f* psi on the evaluation sample (reduced
     * coordinates), written into {@code sigma} (p x p) and {@code cm} (p x 1).
     */
    private void evaluationMoments(FeatureMap psi, DMatrixRMaj sigma, DMatrixRMaj cm) {
        int p = psi.reducedDimension();
        int d = inst.dimension();
        double[] f = new double[p];
        double[] sig = new double[p * p];
        double[] c = new double[p];
        for (int j = 0; j < evaluation.numRows; j++) {
            psi.reduced(evaluation.data, j * d, f, 0);
            double t = evaluationTarget[j];
            for (int a = 0; a < p; a++) {
                c[a] += t * f[a];
                for (int b = a; b < p; b++) {
                    sig[a * p + b] += f[a] * f[b];
                }
            }
        }
        int ne = evaluation.numRows;
        for (int a = 0; a < p; a++) {
            cm.set(a, 0, c[a] / ne);
            for (int b = a; b < p; b++) {
                sigma.set(a, b, sig[a * p + b] / ne);
                sigma.set(b, a, sig[a * p + b] / ne);
            }
        }
    }

    /**
     * The per-draw spread of the scaled variance term's evaluation-sample error, sigma^2 sd(psi^T Sigma^-1 psi), at
     * features psi. For large n, n (Phi^T Phi)^+ tends to Sigma^-1, so n Var = sigma^2 tr(Sigma_N Sigma^-1) with
     * Sigma_N the N-draw evaluation average of psi psi^T; its error sigma^2 (1/N) sum_j (psi_j^T Sigma^-1 psi_j - p)
     * has standard deviation (this value) / sqrt(N). All repetitions share one evaluation sample, so this error is
     * a common shift of every repetition's variance term (and total), not a spread that averages out. Plug-in:
     * Sigma is estimated on the evaluation sample itself.
     */
    double varianceTermSpread(FeatureMap psi) {
        int p = psi.reducedDimension();
        int d = inst.dimension();
        DMatrixRMaj sigma = new DMatrixRMaj(p, p);
        evaluationMoments(psi, sigma, new DMatrixRMaj(p, 1));
        DMatrixRMaj inv = PseudoInverse.pinv(sigma);
        DMatrixRMaj f = new DMatrixRMaj(p, 1);
        double[] q = new double[evaluation.numRows];
        for (int j = 0; j < q.length; j++) {
            psi.reduced(evaluation.data, j * d, f.data, 0);
            q[j] = Mat.inner(f, Mat.mult(inv, f));
        }
        // the standard error of the mean of q times sqrt(N) is the per-draw standard deviation of q
        return inst.noiseVariance() * MonteCarlo.of(q).standardError() * Math.sqrt(q.length);
    }
}
