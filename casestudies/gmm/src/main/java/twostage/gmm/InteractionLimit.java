package twostage.gmm;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.linalg.PseudoInverse;
import twostage.linalg.SymmetricEigen;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * The pre-training interaction term of Theorem 5.1 for the mixture example (CF14 recipe; Appendix K's three Monte
 * Carlo stages):
 * <ol>
 *   <li>Fisher information I(U*) = E[grad l grad l^T] at U* (Lemma J.4's score) on {@code fisher} draws, V = I^-1
 *       (the quotient by S_K is flat after label alignment, so H* = Sigma* = I and V = I^-1);</li>
 *   <li>h_a(x) = theta*^T D_U psi_{U*}(x)[e_a] for the coordinate directions e_a of R^{Kd} (analytic gradient,
 *       including DP_U), and the L2 projection of each h_a onto span psi_{U*} by least squares on {@code projection}
 *       draws: beta = Sigma^+ E[psi h^T];</li>
 *   <li>on {@code evaluation} fresh draws, L(e_a) = -(h_a - beta_a^T psi) and Gamma_ab = E[L(e_a) L(e_b)];
 *       E||L(Z)||^2 = tr(Gamma V), with the per-draw values L^T V L giving its evaluation-stage standard error.</li>
 * </ol>
 * The law of ||L(Z)||^2 is sum_l omega_l chi^2_1 with omega the eigenvalues of V^{1/2} Gamma V^{1/2} (CF3).
 * Draws are split into chunks, each with its own stream {@code ctx.rng(stream + stage, chunk)}, so results do not depend
 * on the number of threads. The Fisher-stage uncertainty is a delete-one-batch jackknife over 10 batches.
 */
public final class InteractionLimit {

    /** Monte Carlo sizes of the three stages. */
    public record Sizes(int fisher, int projection, int evaluation) {
        public Sizes {
            if (fisher < 10 || projection < 10 || evaluation < 10) {
                throw new IllegalArgumentException("each Monte Carlo stage needs at least 10 draws");
            }
        }

        /** Appendix K's sizes for Figure 2: 1e5 Fisher, 1e6 projection, 1e6 evaluation. */
        public static Sizes figure2() {
            return new Sizes(100_000, 1_000_000, 1_000_000);
        }
    }

    private static final int CHUNK = 10_000;
    private static final int JACK = 10;

    private final MixtureInstance inst;
    private final DMatrixRMaj fisher;
    private final DMatrixRMaj covariance;
    private final DMatrixRMaj gamma;
    private final DMatrixRMaj projectionCoefficients;
    private final double meanSquare;
    private final double evaluationSE;
    private final double fisherSE;
    private final double[] weights;
    private final DMatrixRMaj featureCovariance;

    private InteractionLimit(MixtureInstance inst, DMatrixRMaj fisher, DMatrixRMaj covariance, DMatrixRMaj gamma,
                             DMatrixRMaj beta, double meanSquare, double evaluationSE, double fisherSE,
                             double[] weights, DMatrixRMaj featureCovariance) {
        this.inst = inst;
        this.fisher = fisher;
        this.covariance = covariance;
        this.gamma = gamma;
        this.projectionCoefficients = beta;
        this.meanSquare = meanSquare;
        this.evaluationSE = evaluationSE;
        this.fisherSE = fisherSE;
        this.weights = weights;
        this.featureCovariance = featureCovariance;
    }

    /** Runs the three stages. */
    public static InteractionLimit compute(MixtureInstance inst, Sizes sizes, CheckContext ctx, String stream) {
        int q = inst.model().parameterDimension();
        // stage 1: Fisher information, in JACK batches
        double[][] batches = new double[JACK][];
        List<double[]> fisherChunks = chunks(ctx, stream + "/fisher", sizes.fisher(), (count, rng) -> {
            double[] acc = new double[q * q];
            double[] x = new double[inst.dimension()];
            double[] u = inst.model().centres();
            for (int j = 0; j < count; j++) {
                inst.model().sampleInto(rng, x, 0);
                double[] s = inst.model().gradient(u, x);
                addOuter(acc, s, q);
            }
            return acc;
        });
        for (int c = 0; c < fisherChunks.size(); c++) {
            int b = c % JACK;
            batches[b] = batches[b] == null ? fisherChunks.get(c).clone() : add(batches[b], fisherChunks.get(c));
        }
        double[] total = new double[q * q];
        int[] batchCount = new int[JACK];
        for (int c = 0; c < fisherChunks.size(); c++) {
            batchCount[c % JACK] += chunkSize(sizes.fisher(), c);
        }
        for (double[] b : batches) {
            if (b != null) {
                total = add(total, b);
            }
        }
        DMatrixRMaj fisherM = symmetric(total, q, 1.0 / sizes.fisher());
        DMatrixRMaj v = inverseSpd(fisherM);

        // stage 2: projection coefficients
        FeatureMap psi = inst.featuresAtTruth();
        int p = psi.reducedDimension();
        double[] theta = inst.theta();
        List<double[]> projChunks = chunks(ctx, stream + "/projection", sizes.projection(), (count, rng) -> {
            double[] acc = new double[p * p + p * q];
            double[] x = new double[inst.dimension()];
            double[] f = new double[p];
            double[] h = new double[q];
            for (int j = 0; j < count; j++) {
                inst.model().sampleInto(rng, x, 0);
                psi.reduced(x, 0, f, 0);
                psi.gradientOfLinear(theta, x, 0, h);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        acc[a * p + b] += f[a] * f[b];
                    }
                    for (int b = 0; b < q; b++) {
                        acc[p * p + a * q + b] += f[a] * h[b];
                    }
                }
            }
            return acc;
        });
        double[] pacc = new double[p * p + p * q];
        for (double[] c : projChunks) {
            pacc = add(pacc, c);
        }
        DMatrixRMaj sigma = new DMatrixRMaj(p, p);
        DMatrixRMaj cross = new DMatrixRMaj(p, q);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                sigma.set(a, b, pacc[a * p + b] / sizes.projection());
            }
            for (int b = 0; b < q; b++) {
                cross.set(a, b, pacc[p * p + a * q + b] / sizes.projection());
            }
        }
        DMatrixRMaj beta = twostage.linalg.Mat.mult(PseudoInverse.pinv(sigma), cross);

        // stage 3: evaluation
        double[] vd = v.data;
        List<double[]> evalChunks = chunks(ctx, stream + "/evaluation", sizes.evaluation(), (count, rng) -> {
            double[] acc = new double[q * q + count];
            double[] x = new double[inst.dimension()];
            double[] f = new double[p];
            double[] h = new double[q];
            double[] res = new double[q];
            double[] vr = new double[q];
            for (int j = 0; j < count; j++) {
                inst.model().sampleInto(rng, x, 0);
                psi.reduced(x, 0, f, 0);
                psi.gradientOfLinear(theta, x, 0, h);
                for (int b = 0; b < q; b++) {
                    double s = h[b];
                    for (int a = 0; a < p; a++) {
                        s -= beta.data[a * q + b] * f[a];
                    }
                    res[b] = -s;
                }
                addOuter(acc, res, q);
                double t = 0;
                for (int a = 0; a < q; a++) {
                    double s = 0;
                    for (int b = 0; b < q; b++) {
                        s += vd[a * q + b] * res[b];
                    }
                    vr[a] = s;
                    t += res[a] * s;
                }
                acc[q * q + j] = t;
            }
            return acc;
        });
        double[] gacc = new double[q * q];
        double[] perDraw = new double[sizes.evaluation()];
        int pos = 0;
        for (double[] c : evalChunks) {
            for (int j = 0; j < q * q; j++) {
                gacc[j] += c[j];
            }
            int count = c.length - q * q;
            System.arraycopy(c, q * q, perDraw, pos, count);
            pos += count;
        }
        DMatrixRMaj gammaM = symmetric(gacc, q, 1.0 / sizes.evaluation());
        MonteCarlo mc = MonteCarlo.of(perDraw);
        double mean = traceProduct(gammaM, v);

        // Fisher-stage jackknife
        double[] jk = new double[JACK];
        double jm = 0;
        int used = 0;
        for (int b = 0; b < JACK; b++) {
            if (batches[b] == null) {
                continue;
            }
            double[] rest = total.clone();
            for (int j = 0; j < rest.length; j++) {
                rest[j] -= batches[b][j];
            }
            DMatrixRMaj fi = symmetric(rest, q, 1.0 / (sizes.fisher() - batchCount[b]));
            jk[used] = traceProduct(gammaM, inverseSpd(fi));
            jm += jk[used];
            used++;
        }
        jm /= used;
        double jv = 0;
        for (int b = 0; b < used; b++) {
            jv += (jk[b] - jm) * (jk[b] - jm);
        }
        double fisherSE = Math.sqrt((used - 1.0) / used * jv);

        SymmetricEigen ve = SymmetricEigen.of(v);
        DMatrixRMaj vHalf = ve.apply(Math::sqrt);
        DMatrixRMaj w = twostage.linalg.Mat.mult(vHalf, gammaM, vHalf);
        double[] lam = SymmetricEigen.of(symmetrize(w)).values();
        double[] om = new double[lam.length];
        for (int j = 0; j < lam.length; j++) {
            om[j] = Math.max(0, lam[j]);
        }
        return new InteractionLimit(inst, fisherM, v, gammaM, beta, mean, mc.standardError(), fisherSE, om, sigma);
    }

    @FunctionalInterface
    interface ChunkBody {
        double[] run(int count, Rng rng);
    }

    /** Chunk length: at most CHUNK, and small enough that there are at least JACK chunks. */
    private static int chunkLength(int total) {
        return Math.min(CHUNK, (total + JACK - 1) / JACK);
    }

    private static int chunkSize(int total, int c) {
        int len = chunkLength(total);
        return Math.min(len, total - c * len);
    }

    static List<double[]> chunks(CheckContext ctx, String stream, int total, ChunkBody body) {
        int len = chunkLength(total);
        int n = (total + len - 1) / len;
        return ctx.replicate(stream, n, (c, rng) -> body.run(chunkSize(total, c), rng));
    }

    private static void addOuter(double[] acc, double[] s, int q) {
        for (int a = 0; a < q; a++) {
            double sa = s[a];
            if (sa == 0) {
                continue;
            }
            int row = a * q;
            for (int b = a; b < q; b++) {
                acc[row + b] += sa * s[b];
            }
        }
    }

    private static double[] add(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            a[j] += b[j];
        }
        return a;
    }

    /** The symmetric matrix whose upper triangle is acc, times scale. */
    private static DMatrixRMaj symmetric(double[] acc, int q, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(q, q);
        for (int a = 0; a < q; a++) {
            for (int b = a; b < q; b++) {
                double v = acc[a * q + b] * scale;
                m.set(a, b, v);
                m.set(b, a, v);
            }
        }
        return m;
    }

    static DMatrixRMaj symmetrize(DMatrixRMaj a) {
        DMatrixRMaj s = a.copy();
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                s.set(i, j, 0.5 * (a.get(i, j) + a.get(j, i)));
            }
        }
        return s;
    }

    /** The inverse of a symmetric positive-definite matrix (via its eigendecomposition). */
    static DMatrixRMaj inverseSpd(DMatrixRMaj a) {
        SymmetricEigen e = SymmetricEigen.of(a);
        if (!(e.values()[e.values().length - 1] > 0)) {
            throw new twostage.check.AssumptionViolation("Assumption D.5", "Fisher information is not positive definite: lambda_min="
                    + e.values()[e.values().length - 1]);
        }
        return e.apply(x -> 1.0 / x);
    }

    private static double traceProduct(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                s += a.get(i, j) * b.get(j, i);
            }
        }
        return s;
    }

    public MixtureInstance instance() { return inst; }
    /** I(U*), Monte Carlo. */
    public DMatrixRMaj fisher() { return fisher; }
    /** V = I(U*)^-1. */
    public DMatrixRMaj covariance() { return covariance; }
    /** Gamma_ab = <L(e_a), L(e_b)>. */
    public DMatrixRMaj gamma() { return gamma; }
    /** Sigma(U*) in the reduced feature coordinates (projection stage). */
    public DMatrixRMaj featureCovariance() { return featureCovariance; }
    /** E||L(Z)||^2 = tr(Gamma V). */
    public double meanSquare() { return meanSquare; }
    /** Evaluation-stage Monte Carlo SE of E||L(Z)||^2 (Gamma stage, V held fixed). */
    public double evaluationStandardError() { return evaluationSE; }
    /** Fisher-stage SE (delete-one-batch jackknife over 10 batches). */
    public double fisherStandardError() { return fisherSE; }
    /** Combined SE (the two stages are independent). */
    public double standardError() { return Math.hypot(evaluationSE, fisherSE); }
    /** omega: eigenvalues of V^{1/2} Gamma V^{1/2}, decreasing. */
    public double[] weights() { return weights.clone(); }
}
