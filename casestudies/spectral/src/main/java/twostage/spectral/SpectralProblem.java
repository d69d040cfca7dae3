package twostage.spectral;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.engine.DownstreamModel;
import twostage.engine.ExactScoreCovariance;
import twostage.engine.PretrainingModel;
import twostage.engine.Representation;
import twostage.engine.SymmetryGroup;
import twostage.engine.TwoStageProblem;
import twostage.geometry.FixedRankPsdManifold;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * The spectral case study (Section 6.1, Appendix H) as a {@link TwoStageProblem}: w = A in R^{k x d} (row-major),
 * G = O(k) acting by left multiplication with rho(Q) = Q, descriptor M = A^T A on M_{d,k} with the section of (H.1)
 * anchored at U*, features psi(x, A) = A x, downstream x ~ N(0, Sigma_down), f*(x) = beta*^T A* x, and exact Gaussian
 * moments E[psi(X, A1) psi(X, A2)^T] = A1 Sigma_down A2^T, E[f* psi(X, A)] = A Sigma_down A*^T beta*.
 *
 * <p>{@code estimate(m, rng)} is the empirical minimiser of {@link SpectralEstimator} (no sampling shortcut: m triples
 * are drawn), returned as the section's representative s(M-hat).
 */
public final class SpectralProblem implements TwoStageProblem<DMatrixRMaj> {

    private final SpectralModel model;
    private final SpectralEstimator estimator;
    private final FixedRankPsdManifold manifold;
    private final String name;

    private SpectralProblem(SpectralModel model, String name) {
        this.model = model;
        this.estimator = SpectralEstimator.of(model);
        int d = model.d();
        int k = model.k();
        LocalSection section = model.section();
        this.manifold = FixedRankPsdManifold.of(d, k,
                w -> Mat.multTransA(asA(w, k, d), asA(w, k, d)).getData(),
                omega -> section.apply(new DMatrixRMaj(d, d, true, omega)).getData());
        this.name = name;
    }

    public static SpectralProblem of(SpectralModel model, String name) {
        return new SpectralProblem(model, name);
    }

    public SpectralModel model() {
        return model;
    }

    static DMatrixRMaj asA(double[] w, int k, int d) {
        if (w.length != k * d) {
            throw new IllegalArgumentException("A must have k*d=" + k * d + " entries, got " + w.length);
        }
        return new DMatrixRMaj(k, d, true, w.clone());
    }

    private DMatrixRMaj a(double[] w) {
        return asA(w, model.k(), model.d());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PretrainingModel pretraining() {
        return new Pretraining();
    }

    /**
     * The pre-training model in A. The score second moment C = E[grad_A l(A*) grad_A l(A*)^T] is exact: with
     * grad_A l = 2 A* G(z), G = grad_M l(M*; z) symmetric, C = K E[vec G vec G^T] K^T with K the matrix of
     * G -&gt; 2 A* G, and E[G_bc G_b'c'] = Cov(S_H, S_H') + E S_H E S_H' for H = sym(e_b e_c^T), from (H.15) (checked
     * against Monte Carlo under Proposition H.11) and E S_H = &lt;grad L(M*), H&gt; (H.9).
     */
    private final class Pretraining implements PretrainingModel, ExactScoreCovariance {
        @Override public int parameterDimension() { return model.k() * model.d(); }
        @Override public double[] truth() { return model.aStar().getData(); }
        @Override public double[] sample(Rng rng) { return estimator.sampler().sample(rng); }
        @Override public double loss(double[] w, double[] z) { return SpectralLoss.loss(a(w), z); }
        @Override public double[] gradient(double[] w, double[] z) { return SpectralLoss.gradientA(a(w), z).getData(); }
        @Override public DMatrixRMaj hessian(double[] w, double[] z) { return SpectralLoss.hessianA(a(w), z); }
        @Override public double populationLoss(double[] w) {
            DMatrixRMaj aa = a(w);
            return model.populationLoss(Mat.multTransA(aa, aa));
        }
        @Override public double[] estimate(int m, Rng rng) {
            return model.section().apply(estimator.empirical(m, rng).m()).getData();
        }

        @Override
        public DMatrixRMaj scoreSecondMoment() {
            int d = model.d();
            int k = model.k();
            ScoreCovariance sc = ScoreCovariance.of(model);
            DMatrixRMaj grad = model.populationGradient(model.mStar());
            DMatrixRMaj[] e = new DMatrixRMaj[d * d];
            for (int i = 0; i < d * d; i++) {
                DMatrixRMaj h = new DMatrixRMaj(d, d);
                h.data[i] += 0.5;
                h.data[(i % d) * d + i / d] += 0.5;
                e[i] = h;
            }
            DMatrixRMaj g2 = new DMatrixRMaj(d * d, d * d);
            // e[(b,c)] = e[(c,b)]: compute on b <= c only and copy
            for (int i = 0; i < d * d; i++) {
                if (i / d > i % d) {
                    continue;
                }
                for (int j = i; j < d * d; j++) {
                    if (j / d > j % d) {
                        continue;
                    }
                    double v = sc.covariance(e[i], e[j]) + Mat.inner(grad, e[i]) * Mat.inner(grad, e[j]);
                    int it = (i % d) * d + i / d;
                    int jt = (j % d) * d + j / d;
                    for (int x : new int[] {i, it}) {
                        for (int y : new int[] {j, jt}) {
                            g2.set(x, y, v);
                            g2.set(y, x, v);
                        }
                    }
                }
            }
            DMatrixRMaj kk = new DMatrixRMaj(k * d, d * d);
            DMatrixRMaj as = model.aStar();
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < d; c++) {
                    for (int b = 0; b < d; b++) {
                        kk.set(r * d + c, b * d + c, 2 * as.get(r, b));
                    }
                }
            }
            DMatrixRMaj out = Mat.mult(kk, Mat.multTransB(g2, kk));
            SpectralModel.symmetrise(out);
            return out;
        }
    }

    @Override
    public SymmetryGroup<DMatrixRMaj> group() {
        int k = model.k();
        return new SymmetryGroup<>() {
            @Override public DMatrixRMaj identity() { return Mat.identity(k); }
            @Override public DMatrixRMaj compose(DMatrixRMaj x, DMatrixRMaj y) { return Mat.mult(x, y); }
            @Override public DMatrixRMaj inverse(DMatrixRMaj g) { return Mat.transpose(g); }
            @Override public DMatrixRMaj random(Rng rng) { return RandomMatrices.haarOrthogonal(k, rng); }
            @Override public double[] act(DMatrixRMaj g, double[] w) { return Mat.mult(g, a(w)).getData(); }
            @Override public DMatrixRMaj rho(DMatrixRMaj g) { return g.copy(); }
        };
    }

    @Override
    public DescriptorManifold descriptor() {
        return manifold;
    }

    /** The descriptor manifold with its CF7 geometry. */
    public FixedRankPsdManifold manifold() {
        return manifold;
    }

    @Override
    public Representation representation() {
        return new Representation() {
            @Override public int featureDimension() { return model.k(); }
            @Override public DMatrixRMaj features(double[] w, DMatrixRMaj x) { return Mat.multTransB(x, a(w)); }
        };
    }

    @Override
    public DownstreamModel downstream() {
        DMatrixRMaj ws = model.targetWeights();
        DMatrixRMaj sd = model.sigmaDown();
        PositivePairSampler sampler = estimator.sampler();
        return new DownstreamModel() {
            @Override public int inputDimension() { return model.d(); }
            @Override public DMatrixRMaj sampleInputs(int n, Rng rng) { return sampler.downstreamInputs(n, rng); }
            @Override public double[] target(DMatrixRMaj x) { return Mat.mult(x, ws).getData(); }
            @Override public double noiseVariance() { return model.noiseVariance(); }
            @Override public double targetSecondMoment() { return Mat.multTransA(ws, Mat.mult(sd, ws)).get(0); }
            @Override public DMatrixRMaj crossMoment(double[] w1, double[] w2) {
                return Mat.mult(a(w1), Mat.multTransB(sd, a(w2)));
            }
            @Override public DMatrixRMaj targetMoment(double[] w) { return Mat.mult(a(w), Mat.mult(sd, ws)); }
        };
    }
}
