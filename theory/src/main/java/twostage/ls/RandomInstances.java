package twostage.ls;

import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Random instances shared by the least-squares checks: designs of four kinds (tall full rank, wide n < p, collinear
 * columns, low rank) and G-LIN / G-GAUSS laws with nonlinear features and optionally collinear population features.
 */
final class RandomInstances {

    private RandomInstances() {
    }

    /** A design with its exact rank. */
    record Design(String kind, DMatrixRMaj phi, int rank) {
        String describe() {
            return kind + " " + phi.numRows + "x" + phi.numCols + " rank " + rank;
        }
    }

    static final String[] KINDS = {"tall", "wide", "collinear", "low-rank"};

    /**
     * Largest condition number on the range (sigma_max / sigma_min+) of the designs and G-LIN feature matrices drawn
     * here: instances above it are redrawn from the same stream, so every tolerance of the {@link Tolerance} rule stays
     * below 1e-12 (n + p) 1e6.
     */
    static final double MAX_KAPPA = 1e3;

    /**
     * Design number t cycles through the four kinds; sizes n in [2, 12], p in [1, 8]; redrawn until its condition
     * number on the range is at most {@link #MAX_KAPPA}.
     */
    static Design design(int t, Rng rng) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Design d = anyDesign(t, rng);
            if (Tolerance.conditionOnRange(d.phi()) <= MAX_KAPPA) {
                return d;
            }
        }
        throw new IllegalStateException("no design with condition number below " + MAX_KAPPA + " in 1000 draws");
    }

    private static Design anyDesign(int t, Rng rng) {
        String kind = KINDS[t % KINDS.length];
        switch (kind) {
            case "tall": {
                int p = rng.nextInt(1, 7);
                int n = rng.nextInt(p + 1, 12);
                return new Design(kind, RandomMatrices.gaussian(n, p, rng), p);
            }
            case "wide": {
                int n = rng.nextInt(2, 6);
                int p = rng.nextInt(n + 1, 8);
                return new Design(kind, RandomMatrices.gaussian(n, p, rng), n);
            }
            case "collinear": {
                int p = rng.nextInt(3, 8);
                int dup = rng.nextInt(1, p - 2);
                int n = rng.nextInt(2, 12);
                return new Design(kind, RandomMatrices.collinearDesign(n, p, dup, rng), Math.min(n, p - dup));
            }
            default: {
                int n = rng.nextInt(3, 12);
                int p = rng.nextInt(2, 8);
                int r = rng.nextInt(1, Math.min(n, p) - 1);
                return new Design(kind, RandomMatrices.ofRank(n, p, r, rng), r);
            }
        }
    }

    /** A nonlinear target: f*(x) = sin(x_1) + 0.5 x_d^2 - 0.3 x_1 x_d. */
    static final ToDoubleFunction<double[]> NONLINEAR_TARGET =
            x -> Math.sin(x[0]) + 0.5 * x[x.length - 1] * x[x.length - 1] - 0.3 * x[0] * x[x.length - 1];

    /**
     * G-LIN: N Gaussian points in R^d with random (Dirichlet-like) weights, tanh(B^T x) features with k columns of
     * which {@code duplicated} repeat earlier columns (so Sigma is singular), target {@link #NONLINEAR_TARGET}.
     */
    static FiniteSupportLaw finiteSupport(int supportSize, int d, int k, int duplicated, Rng rng) {
        DMatrixRMaj points = RandomMatrices.gaussian(supportSize, d, rng);
        double[] w = new double[supportSize];
        double sum = 0;
        for (int i = 0; i < supportSize; i++) {
            w[i] = -Math.log(1 - rng.nextDouble()) + 0.05;
            sum += w[i];
        }
        for (int i = 0; i < supportSize; i++) {
            w[i] /= sum;
        }
        sum = 0;
        for (double v : w) {
            sum += v;
        }
        w[0] += 1 - sum;
        DMatrixRMaj b = Mat.scale(1.5 / Math.sqrt(d), RandomMatrices.gaussian(d, k, rng));
        for (int j = k - duplicated; j < k; j++) {
            int src = rng.nextInt(0, k - duplicated - 1);
            for (int i = 0; i < d; i++) {
                b.set(i, j, b.get(i, src));
            }
        }
        return FiniteSupportLaw.weighted(points, w, FeatureMap.tanh(b), NONLINEAR_TARGET);
    }

    /**
     * G-GAUSS: Sigma_down SPD with condition number 10, B d x p Gaussian with {@code duplicated} repeated columns,
     * w* Gaussian (so f* is generally outside the class, Rep > 0).
     */
    static GaussianLinearLaw gaussian(int d, int p, int duplicated, Rng rng) {
        DMatrixRMaj sigma = Mat.scale(2.0, RandomMatrices.spd(d, 10, rng));
        DMatrixRMaj b = RandomMatrices.gaussian(d, p, rng);
        for (int j = p - duplicated; j < p; j++) {
            int src = rng.nextInt(0, p - duplicated - 1);
            for (int i = 0; i < d; i++) {
                b.set(i, j, b.get(i, src));
            }
        }
        return GaussianLinearLaw.of(sigma, b, rng.gaussians(d));
    }

    /** A G-LIN law (30 support points) with a design drawn from it, and the design features. */
    record LinCase(FiniteSupportLaw law, int[] design, DMatrixRMaj phi) {
        int n() {
            return design.length;
        }

        int p() {
            return phi.numCols;
        }

        String describe() {
            return "G-LIN n=" + n() + ", p=" + p();
        }
    }

    /**
     * Case t: p in [3, 7] tanh features (possibly one repeated, making Sigma singular); even t gives a wide design
     * n in [2, p - 1], odd t a tall one n in [p + 1, 15]. With {@code distinct} the design points are distinct.
     */
    static LinCase linCase(int t, Rng rng, boolean distinct) {
        int k = rng.nextInt(3, 7);
        int n = t % 2 == 0 ? rng.nextInt(2, k - 1) : rng.nextInt(k + 1, 15);
        return linCase(rng, k, rng.nextInt(0, 1), n, distinct);
    }

    /**
     * A G-LIN law with k tanh features ({@code duplicated} of them repeated) on 30 points in R^d, d in [2, 4], and a
     * design of size n; redrawn until both the design features and the support features (weighted) have condition
     * number on their range at most {@link #MAX_KAPPA}.
     */
    static LinCase linCase(Rng rng, int k, int duplicated, int n, boolean distinct) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            FiniteSupportLaw law = finiteSupport(30, rng.nextInt(2, 4), k, duplicated, rng);
            int[] design = distinct ? law.sampleDistinctDesign(n, rng) : law.sampleDesign(n, rng);
            DMatrixRMaj phi = law.designFeatures(design);
            if (Tolerance.conditionOnRange(phi) <= MAX_KAPPA
                    && Tolerance.conditionOnRange(law.sigma()) <= MAX_KAPPA * MAX_KAPPA) {
                return new LinCase(law, design, phi);
            }
        }
        throw new IllegalStateException("no G-LIN instance with condition number below " + MAX_KAPPA);
    }

    static String sizes(DMatrixRMaj phi) {
        return phi.numRows + "x" + phi.numCols;
    }
}
