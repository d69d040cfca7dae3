package twostage.gmm;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.engine.DownstreamModel;
import twostage.engine.PretrainingModel;
import twostage.engine.Representation;
import twostage.engine.SymmetryGroup;
import twostage.engine.TwoStageProblem;
import twostage.random.Rng;

/**
 * The mixture example of Section 6.3 as a {@link TwoStageProblem}: w = U in R^{Kd} (labels fixed by
 * {@link SortedCentresDescriptor}, so truth() = D(U*)), G = S_K by relabelling, psi = (6.4) in R^{K(d+1)}, mu_down = the
 * mixture, f* = theta*^T psi_{U*} (theta* relabelled with U*), noise variance sigma^2.
 *
 * <p>Monte Carlo: the population loss and the population moments of psi are means over fixed samples of the mixture
 * ({@code populationSize} and {@code evaluationSize} draws, drawn once from the seed), so they are smooth in U (common
 * random numbers); {@link DownstreamModel#momentStandardError()} is the largest per-entry standard error of the moment
 * products at U* on that sample. The estimator is EM started at the truth (tolerance 1e-8, cap 2000), the shortcut
 * named in {@link EmEstimator}.
 */
public final class MixtureProblem implements TwoStageProblem<int[]> {

    private final MixtureInstance inst;
    private final SortedCentresDescriptor descriptor;
    private final PermutationGroup group;
    private final double[] truth;
    private final double[] theta;
    private final DMatrixRMaj popSample;
    private final DMatrixRMaj evalSample;
    private final double[] evalTarget;
    private final double targetSecond;
    private final double momentSE;
    private final String name;

    private MixtureProblem(MixtureInstance inst, int populationSize, int evaluationSize, Rng rng) {
        int k = inst.components();
        int d = inst.dimension();
        this.descriptor = new SortedCentresDescriptor(k, d, SortedCentresDescriptor.defaultDirection(d));
        int[] g = descriptor.sortingPermutation(inst.model().centres());
        this.truth = PermutationGroup.actOn(g, inst.model().centres(), k, d);
        this.theta = PermutationGroup.permuteBlocks(g, inst.theta(), k, d + 1);
        this.inst = MixtureInstance.of(MixtureModel.of(k, d, truth), theta, inst.noiseVariance());
        this.group = new PermutationGroup(k, d);
        this.popSample = inst.model().sample(populationSize, rng);
        this.evalSample = inst.model().sample(evaluationSize, rng);
        this.evalTarget = new double[evaluationSize];
        double s = 0;
        for (int j = 0; j < evaluationSize; j++) {
            evalTarget[j] = this.inst.target(evalSample.data, j * d);
            s += evalTarget[j] * evalTarget[j];
        }
        this.targetSecond = s / evaluationSize;
        this.momentSE = momentStandardError(this.inst, evalSample, evalTarget);
        this.name = "GMM(K=" + k + ",d=" + d + ")";
    }

    /**
     * @throws IllegalArgumentException if a sample size is below 1000
     */
    public static MixtureProblem of(MixtureInstance inst, int populationSize, int evaluationSize, Rng rng) {
        if (populationSize < 1000 || evaluationSize < 1000) {
            throw new IllegalArgumentException("population and evaluation samples need at least 1000 draws");
        }
        return new MixtureProblem(inst, populationSize, evaluationSize, rng);
    }

    /** The instance with labels in descriptor order. */
    public MixtureInstance instance() { return inst; }

    private static double momentStandardError(MixtureInstance inst, DMatrixRMaj x, double[] y) {
        FeatureMap f = inst.featuresAtTruth();
        int p = f.fullDimension();
        int n = x.numRows;
        double[] psi = new double[p];
        double[] s1 = new double[p * p + p + 1];
        double[] s2 = new double[p * p + p + 1];
        for (int j = 0; j < n; j++) {
            f.full(x.data, j * inst.dimension(), psi, 0);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    double v = psi[a] * psi[b];
                    s1[a * p + b] += v;
                    s2[a * p + b] += v * v;
                }
                double v = y[j] * psi[a];
                s1[p * p + a] += v;
                s2[p * p + a] += v * v;
            }
            s1[p * p + p] += y[j] * y[j];
            s2[p * p + p] += y[j] * y[j] * y[j] * y[j];
        }
        double worst = 0;
        for (int i = 0; i < s1.length; i++) {
            double m = s1[i] / n;
            worst = Math.max(worst, Math.sqrt(Math.max(0, s2[i] / n - m * m) / n));
        }
        return worst;
    }

    /** Features on the evaluation sample, cached for the last 64 parameters (the engine revisits points often). */
    private DMatrixRMaj evaluationFeatures(double[] w) {
        java.util.List<Double> key = java.util.Arrays.stream(w).boxed().toList();
        synchronized (cache) {
            DMatrixRMaj f = cache.get(key);
            if (f != null) {
                return f;
            }
        }
        DMatrixRMaj f = representation().features(w, evalSample);
        synchronized (cache) {
            cache.put(key, f);
        }
        return f;
    }

    private final java.util.Map<java.util.List<Double>, DMatrixRMaj> cache =
            new java.util.LinkedHashMap<>(128, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<java.util.List<Double>, DMatrixRMaj> e) {
                    return size() > 64;
                }
            };

    private final java.util.Map<java.util.List<Double>, DMatrixRMaj> momentCache =
            new java.util.LinkedHashMap<>(8192, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<java.util.List<Double>, DMatrixRMaj> e) {
                    return size() > 20_000;
                }
            };

    @Override public String name() { return name; }
    @Override public SymmetryGroup<int[]> group() { return group; }
    @Override public DescriptorManifold descriptor() { return descriptor; }

    @Override
    public PretrainingModel pretraining() {
        MixtureModel m = inst.model();
        return new PretrainingModel() {
            @Override public int parameterDimension() { return m.parameterDimension(); }
            @Override public double[] truth() { return truth.clone(); }
            @Override public double[] sample(Rng rng) { return m.sample(rng); }
            @Override public double loss(double[] w, double[] z) { return m.loss(w, z); }
            @Override public double[] gradient(double[] w, double[] z) { return m.gradient(w, z); }
            @Override public DMatrixRMaj hessian(double[] w, double[] z) { return m.hessian(w, z); }
            @Override public double populationLoss(double[] w) { return m.meanLoss(w, popSample); }
            @Override public double[] estimate(int mm, Rng rng) {
                DMatrixRMaj x = m.sample(mm, rng);
                return EmEstimator.of(m.components(), m.dimension(), 1e-8, 2000, 0).fit(x, truth, rng).centres();
            }
        };
    }

    @Override
    public Representation representation() {
        int k = inst.components();
        int d = inst.dimension();
        return new Representation() {
            @Override public int featureDimension() { return k * (d + 1); }
            @Override public DMatrixRMaj features(double[] w, DMatrixRMaj x) {
                FeatureMap f = inst.features(w);
                DMatrixRMaj out = new DMatrixRMaj(x.numRows, k * (d + 1));
                for (int j = 0; j < x.numRows; j++) {
                    f.full(x.data, j * d, out.data, j * out.numCols);
                }
                return out;
            }
        };
    }

    @Override
    public DownstreamModel downstream() {
        int d = inst.dimension();
        return new DownstreamModel() {
            @Override public int inputDimension() { return d; }
            @Override public DMatrixRMaj sampleInputs(int n, Rng rng) { return inst.model().sample(n, rng); }
            @Override public double[] target(DMatrixRMaj x) {
                double[] y = new double[x.numRows];
                for (int j = 0; j < y.length; j++) {
                    y[j] = inst.target(x.data, j * d);
                }
                return y;
            }
            @Override public double noiseVariance() { return inst.noiseVariance(); }
            @Override public double targetSecondMoment() { return targetSecond; }
            @Override public DMatrixRMaj crossMoment(double[] w1, double[] w2) {
                java.util.List<Double> key = new java.util.ArrayList<>(w1.length * 2);
                for (double v : w1) {
                    key.add(v);
                }
                for (double v : w2) {
                    key.add(v);
                }
                synchronized (momentCache) {
                    DMatrixRMaj c = momentCache.get(key);
                    if (c != null) {
                        return c.copy();
                    }
                }
                DMatrixRMaj a = evaluationFeatures(w1);
                DMatrixRMaj b = evaluationFeatures(w2);
                DMatrixRMaj c = twostage.linalg.Mat.scale(1.0 / evalSample.numRows, twostage.linalg.Mat.multTransA(a, b));
                synchronized (momentCache) {
                    momentCache.put(key, c.copy());
                }
                return c;
            }
            @Override public DMatrixRMaj targetMoment(double[] w) {
                DMatrixRMaj a = evaluationFeatures(w);
                DMatrixRMaj c = twostage.linalg.Mat.multTransA(a, twostage.linalg.Mat.col(evalTarget));
                return twostage.linalg.Mat.scale(1.0 / evalSample.numRows, c);
            }
            @Override public double momentStandardError() { return momentSE; }
        };
    }
}
