package twostage.factor;

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
 * The factor model of Section 6.2 as a {@link TwoStageProblem}.
 * <ul>
 *   <li>w = vec(A), A in R^{d x k} row-major; l(A; z) = (1/2)[log det(I + A A^T) + z^T (I + A A^T)^-1 z]
 *       ({@link PpcaLikelihood}); the estimator is the closed-form PPCA MLE (I.4) ({@link PpcaEstimator}) returned
 *       through the section below when M_hat has rank k.</li>
 *   <li>G = O(k) acting by g.A = A g^T, with rho(g) = g. Then psi(x, g.A) = (A g^T)^T (I + A A^T)^-1 x
 *       = g psi(x, A), which is (4.3) with rho a homomorphism (g1.(g2.A) = (g1 g2).A and rho(g1 g2) = rho(g1) rho(g2)).
 *       The paper writes A = s(M) Q and psi(x, A) = Q^T phi(x, M), i.e. a right action A -> A Q with Q -> Q^T, which
 *       is the same thing read with g = Q^T; with the right action, Q -> Q^T reverses products.</li>
 *   <li>Descriptor M = A A^T on M_{d,k} (geometry from {@link FixedRankPsdManifold}), section
 *       s(M) = M A* (A*^T M A*)^-1/2 ({@link FactorSection}), so s(M*) = A*.</li>
 *   <li>Features psi(x, A) = W(A) x with W(A) = A^T (I + A A^T)^-1; downstream x ~ N(0, Sigma_x), f*(x) = w*^T x,
 *       sigma^2 = Var(y | x) by Gaussian conditioning; all moments exact.</li>
 * </ul>
 * {@link PretrainingModel#estimate} draws S_m ~ Wishart(Sigma_x, m)/m by the Bartlett decomposition, an exact sampling
 * shortcut for the sufficient statistic (see {@link WishartSampler}).
 */
public final class FactorProblem implements TwoStageProblem<DMatrixRMaj> {

    private final FactorModel model;
    private final FactorSection section;
    private final FixedRankPsdManifold manifold;
    private final WishartSampler sampler;

    private FactorProblem(FactorModel model) {
        this.model = model;
        this.section = FactorSection.anchoredAt(model.aStar());
        int d = model.d();
        int k = model.k();
        this.manifold = FixedRankPsdManifold.of(d, k,
                w -> Linalg.flat(Mat.multTransB(loading(w, d, k), loading(w, d, k))),
                omega -> Linalg.flat(section.apply(Linalg.unflat(omega, d, d))));
        this.sampler = WishartSampler.of(model.sigmaX());
    }

    public static FactorProblem of(FactorModel model) {
        return new FactorProblem(model);
    }

    public FactorModel model() {
        return model;
    }

    static DMatrixRMaj loading(double[] w, int d, int k) {
        if (w == null || w.length != d * k) {
            throw new IllegalArgumentException("w = vec(A) must have length d*k=" + d * k + ", got "
                    + (w == null ? "null" : w.length));
        }
        twostage.linalg.Checks.requireFinite("w = vec(A)", w);
        return new DMatrixRMaj(d, k, true, w.clone());
    }

    @Override
    public String name() {
        return "FACTOR" + model;
    }

    @Override
    public PretrainingModel pretraining() {
        int d = model.d();
        int k = model.k();
        return new ExactPretraining(d, k);
    }

    /** The pre-training model; its score second moment at A* is exact (Isserlis). */
    private final class ExactPretraining implements PretrainingModel, ExactScoreCovariance {
        private final int d;
        private final int k;

        ExactPretraining(int d, int k) {
            this.d = d;
            this.k = k;
        }

            /**
             * E[g g^T] for g = vec(grad_A l(A*; z)) = vec(Sigma^-1 A - u u^T A), u = Sigma^-1 z ~ N(0, Sigma^-1):
             * the mean is zero at the truth, and Isserlis gives Cov(u_i v_j, u_k v_l) = (Sigma^-1)_ik (A^T Sigma^-1
             * A)_jl + (Sigma^-1 A)_il (Sigma^-1 A)_kj with v = A^T u.
             */
            @Override public DMatrixRMaj scoreSecondMoment() {
                DMatrixRMaj a = model.aStar();
                DMatrixRMaj si = model.sigmaXInverse();
                DMatrixRMaj sia = Mat.mult(si, a);
                DMatrixRMaj asia = Mat.multTransA(a, sia);
                DMatrixRMaj c = new DMatrixRMaj(d * k, d * k);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < k; j++) {
                        for (int i2 = 0; i2 < d; i2++) {
                            for (int j2 = 0; j2 < k; j2++) {
                                c.set(i * k + j, i2 * k + j2,
                                        si.get(i, i2) * asia.get(j, j2) + sia.get(i, j2) * sia.get(i2, j));
                            }
                        }
                    }
                }
                return c;
            }

            @Override public int parameterDimension() { return d * k; }
            @Override public double[] truth() { return Linalg.flat(model.aStar()); }
            @Override public double[] sample(Rng rng) { return model.sampleX(rng); }

            @Override public double loss(double[] w, double[] z) {
                return PpcaLikelihood.loss(loading(w, d, k), outer(z));
            }

            @Override public double[] gradient(double[] w, double[] z) {
                return Linalg.flat(PpcaLikelihood.gradient(loading(w, d, k), outer(z)));
            }

            @Override public DMatrixRMaj hessian(double[] w, double[] z) {
                return PpcaLikelihood.hessian(loading(w, d, k), outer(z));
            }

            @Override public double populationLoss(double[] w) {
                return PpcaLikelihood.loss(loading(w, d, k), model.sigmaX());
            }

            @Override public double[] estimate(int m, Rng rng) {
                PpcaEstimator est = PpcaEstimator.fit(sampler.bartlett(m, rng), k);
                if (est.rank() == k) {
                    try {
                        return Linalg.flat(section.apply(est.m()));
                    } catch (IllegalArgumentException farFromTruth) {
                        return Linalg.flat(est.a());
                    }
                }
                return Linalg.flat(est.a());
            }

            private DMatrixRMaj outer(double[] z) {
                if (z == null || z.length != d) {
                    throw new IllegalArgumentException("z must have length d=" + d);
                }
                DMatrixRMaj zz = new DMatrixRMaj(d, d);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        zz.set(i, j, z[i] * z[j]);
                    }
                }
                return zz;
            }
    }

    @Override
    public SymmetryGroup<DMatrixRMaj> group() {
        int d = model.d();
        int k = model.k();
        return new SymmetryGroup<>() {
            @Override public DMatrixRMaj identity() { return Mat.identity(k); }
            @Override public DMatrixRMaj compose(DMatrixRMaj a, DMatrixRMaj b) { return Mat.mult(a, b); }
            @Override public DMatrixRMaj inverse(DMatrixRMaj g) { return Mat.transpose(g); }
            @Override public DMatrixRMaj random(Rng rng) { return RandomMatrices.haarOrthogonal(k, rng); }

            @Override public double[] act(DMatrixRMaj g, double[] w) {
                return Linalg.flat(Mat.multTransB(loading(w, d, k), g));
            }

            @Override public DMatrixRMaj rho(DMatrixRMaj g) { return g.copy(); }
        };
    }

    @Override
    public DescriptorManifold descriptor() {
        return manifold;
    }

    @Override
    public Representation representation() {
        int d = model.d();
        int k = model.k();
        return new Representation() {
            @Override public int featureDimension() { return k; }

            @Override public DMatrixRMaj features(double[] w, DMatrixRMaj x) {
                twostage.linalg.Checks.requireShape("inputs X", x, x.numRows, d);
                return Mat.multTransB(x, FactorModel.featureMatrix(loading(w, d, k)));
            }
        };
    }

    @Override
    public DownstreamModel downstream() {
        int d = model.d();
        int k = model.k();
        double sigma2 = model.noiseVarianceByConditioning();
        return new DownstreamModel() {
            @Override public int inputDimension() { return d; }
            @Override public DMatrixRMaj sampleInputs(int n, Rng rng) { return sampler.draws(n, rng); }

            @Override public double[] target(DMatrixRMaj x) {
                return Linalg.flat(Mat.mult(x, Mat.col(model.wStar())));
            }

            @Override public double noiseVariance() { return sigma2; }
            @Override public double targetSecondMoment() { return model.targetSecondMoment(); }

            @Override public DMatrixRMaj crossMoment(double[] w1, double[] w2) {
                return model.crossMoment(FactorModel.featureMatrix(loading(w1, d, k)),
                        FactorModel.featureMatrix(loading(w2, d, k)));
            }

            @Override public DMatrixRMaj targetMoment(double[] w) {
                return model.targetMoment(FactorModel.featureMatrix(loading(w, d, k)));
            }
        };
    }
}
