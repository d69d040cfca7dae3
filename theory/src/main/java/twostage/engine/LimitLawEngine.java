package twostage.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.chisq.WeightedChiSquare;
import twostage.linalg.Checks;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.linalg.SymmetricEigen;
import twostage.ls.PopulationMoments;
import twostage.random.Rng;

/**
 * Computes the limit law of Theorem 5.1 (eq. 5.2, p. 7) of any {@link TwoStageProblem} from first principles, using
 * only the instance's interface: the pre-training loss, its sampler, the descriptor manifold and section, and the
 * population moments of the features.
 *
 * <p>At Omega* = D(w*), with the orthonormal tangent basis E and the retraction R:
 * <ol>
 *   <li>J_a = d/dt s(R(Omega*, t e_a)) at 0, by central differences with one Richardson step.</li>
 *   <li>H* = the Hessian at t = 0 of t -> L_pre(s(R(Omega*, E t))), which at a critical point is the Riemannian
 *       Hessian for any retraction; second differences with one Richardson step. It must be symmetric positive
 *       definite (Assumption D.5), else IllegalArgumentException.</li>
 *   <li>Sigma* = E[score score^T] with score_a(z) = grad l(w*; z) . J_a: exact (J^T C J) when the pre-training model
 *       implements {@link ExactScoreCovariance}, otherwise by Monte Carlo with its standard error.</li>
 *   <li>V = H*^-1 Sigma* H*^-1.</li>
 *   <li>Gamma two ways. (i) From the representation error: ||L(v)||^2 = lim (Rep(R(tv)) + Rep(R(-tv)))/(2 t^2),
 *       Richardson in t, polarised for the off-diagonal entries. (ii) From (5.1):
 *       L(v) = -(I - Pi* - Pi_B0) DT[v] theta*, with theta* = Sigma(w*)^+ c(w*), DT[v] theta* the central difference
 *       of theta*^T psi(., w* + eps J v) (Richardson in eps), and B0 the limit of
 *       B_v = Im((I - Pi_{A_v}) T_v |N*) along v = t u, extrapolated from t, t/2, t/4 (three-point Richardson on
 *       Gamma). All L2 inner products come from the population moments (see L2Span).</li>
 *   <li>d_eff = rank Sigma(w*), d_act = d_eff + dim B0, d_base = rank of the Gram of {psi_j(w*)} and
 *       {theta*^T d psi/d w_i}.</li>
 *   <li>weights = eig(V^1/2 Gamma V^1/2) (Gamma from (ii)).</li>
 * </ol>
 */
public final class LimitLawEngine {

    /**
     * Numerical settings.
     *
     * @param scoreDraws     Monte Carlo draws for Sigma* when it is not exact
     * @param sectionStep    step for J (relative to max(1, |Omega*|))
     * @param hessianStep    step for the second differences of H*
     * @param repStep        step t for Rep(R(t v))/t^2
     * @param derivativeStep step eps for DT[v] (relative to max(1, |w*|))
     * @param nullStep       largest t for B_v (then t/2, t/4)
     * @param fullBase       whether to compute d_base over all q0 coordinate directions (else only the tangent ones)
     */
    public record Settings(int scoreDraws, double sectionStep, double hessianStep, double repStep,
                           double derivativeStep, double nullStep, boolean fullBase) {

        public Settings {
            if (scoreDraws < 2) {
                throw new IllegalArgumentException("scoreDraws must be >= 2, got " + scoreDraws);
            }
            Checks.requirePositive("sectionStep", sectionStep);
            Checks.requirePositive("hessianStep", hessianStep);
            Checks.requirePositive("repStep", repStep);
            Checks.requirePositive("derivativeStep", derivativeStep);
            Checks.requirePositive("nullStep", nullStep);
        }

        public static Settings defaults() {
            return new Settings(20000, 1e-3, 5e-3, 2e-2, 1e-3, 1e-3, true);
        }

        public Settings withScoreDraws(int n) {
            return new Settings(n, sectionStep, hessianStep, repStep, derivativeStep, nullStep, fullBase);
        }
    }

    private LimitLawEngine() {
    }

    /** With default settings; {@code rng} is used only when the score covariance is not exact (may then be null). */
    public static LimitLaw compute(TwoStageProblem<?> problem, Rng rng) {
        return compute(problem, rng, Settings.defaults());
    }

    public static LimitLaw compute(TwoStageProblem<?> problem, Rng rng, Settings settings) {
        return new Run(problem, settings).compute(rng);
    }

    /** Rep(w) = E f*^2 - c^T Sigma^+ c with the instance's population moments at w (CF1). */
    public static double representationError(DownstreamModel down, double[] w) {
        PopulationMoments pm = down.moments(w);
        double rep = pm.targetSecondMoment()
                - Mat.multTransA(pm.c(), Mat.mult(PseudoInverse.pinv(pm.sigma()), pm.c())).get(0);
        return rep;
    }

    /** The computation for one problem. */
    private static final class Run {
        private final TwoStageProblem<?> problem;
        private final Settings st;
        private final PretrainingModel pre;
        private final DescriptorManifold man;
        private final DownstreamModel down;
        private final int p;
        private final int k;
        private final double[] wStar;
        private final double[] omegaStar;
        private final DMatrixRMaj basis;

        Run(TwoStageProblem<?> problem, Settings st) {
            this.problem = problem;
            this.st = st;
            this.pre = problem.pretraining();
            this.man = problem.descriptor();
            this.down = problem.downstream();
            this.p = problem.representation().featureDimension();
            this.wStar = pre.truth();
            Checks.requireFinite("w*", wStar);
            this.omegaStar = man.descriptor(wStar);
            this.k = man.dimension();
            this.basis = man.tangentBasis(omegaStar);
            Checks.requireShape("tangent basis", basis, man.ambientDimension(), k);
            DMatrixRMaj gram = Mat.multTransA(basis, basis);
            if (Mat.dist(gram, Mat.identity(k)) > 1e-8 * k) {
                throw new IllegalArgumentException("the tangent basis must have orthonormal columns (||E^T E - I|| = "
                        + Mat.dist(gram, Mat.identity(k)) + ")");
            }
            double[] back = man.section(omegaStar);
            double dist = 0;
            for (int i = 0; i < back.length; i++) {
                dist = Math.max(dist, Math.abs(back[i] - wStar[i]));
            }
            if (dist > 1e-8 * Math.max(1, norm(wStar))) {
                throw new IllegalArgumentException("truth() must be the section's value at Omega* = D(w*): "
                        + "|s(D(w*)) - w*| = " + dist);
            }
        }

        /** s(R(Omega*, E t)). */
        double[] curve(double[] t) {
            double[] xi = new double[omegaStar.length];
            for (int i = 0; i < xi.length; i++) {
                for (int a = 0; a < k; a++) {
                    xi[i] += basis.get(i, a) * t[a];
                }
            }
            return man.section(man.retract(omegaStar, xi));
        }

        double[] along(double[] u, double t) {
            double[] v = new double[u.length];
            for (int a = 0; a < u.length; a++) {
                v[a] = t * u[a];
            }
            return curve(v);
        }

        LimitLaw compute(Rng rng) {
            DMatrixRMaj jac = sectionJacobian();
            DMatrixRMaj h = hessian();
            double[] se = new double[1];
            DMatrixRMaj sig = scoreCovariance(jac, rng, se);
            DMatrixRMaj hInv = PseudoInverse.pinv(h);
            DMatrixRMaj v = symmetric(Mat.mult(hInv, sig, hInv));
            DMatrixRMaj gramRep = gramFromRep();
            FirstPrinciples fp = firstPrinciples(jac);
            double[] weights = weights(v, fp.gram);
            return new LimitLaw(problem.name(), k, jac, h, sig, se[0], v, fp.gram, gramRep, fp.theta, fp.dEff,
                    fp.dEff + fp.dimB0, fp.stableRank, fp.dBase, fp.dBaseTangent, fp.spread, down.noiseVariance(),
                    weights, WeightedChiSquare.of(weights));
        }

        DMatrixRMaj sectionJacobian() {
            double h = st.sectionStep() * Math.max(1, norm(omegaStar));
            DMatrixRMaj jac = new DMatrixRMaj(wStar.length, k);
            for (int a = 0; a < k; a++) {
                double[] u = unit(a);
                double[] d1 = central(u, h);
                double[] d2 = central(u, h / 2);
                for (int i = 0; i < wStar.length; i++) {
                    jac.set(i, a, (4 * d2[i] - d1[i]) / 3);
                }
            }
            Checks.requireFinite("section Jacobian J", jac);
            return jac;
        }

        private double[] central(double[] u, double h) {
            double[] plus = along(u, h);
            double[] minus = along(u, -h);
            double[] d = new double[plus.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (plus[i] - minus[i]) / (2 * h);
            }
            return d;
        }

        DMatrixRMaj hessian() {
            double h = st.hessianStep() * Math.max(1, norm(omegaStar));
            DMatrixRMaj hh = Mat.add(Mat.scale(-1.0 / 3, secondDifferences(h)), Mat.scale(4.0 / 3, secondDifferences(h / 2)));
            hh = symmetric(hh);
            Checks.requireFinite("Hessian H*", hh);
            SymmetricEigen eig = SymmetricEigen.of(hh);
            double max = Math.abs(eig.values()[0]);
            double min = eig.values()[k - 1];
            if (!(min > 1e-8 * Math.max(max, 1e-300))) {
                throw new twostage.check.AssumptionViolation("Assumption D.5", "H* not positive definite (eigenvalues "
                        + "from " + min + " to " + eig.values()[0] + ") for " + problem.name());
            }
            return hh;
        }

        private DMatrixRMaj secondDifferences(double h) {
            DMatrixRMaj out = new DMatrixRMaj(k, k);
            double f0 = loss(new double[k]);
            for (int a = 0; a < k; a++) {
                double fp = loss(scaled(unit(a), h));
                double fm = loss(scaled(unit(a), -h));
                out.set(a, a, (fp - 2 * f0 + fm) / (h * h));
                for (int b = 0; b < a; b++) {
                    double[] pp = new double[k];
                    double[] pm = new double[k];
                    pp[a] = h;
                    pp[b] = h;
                    pm[a] = h;
                    pm[b] = -h;
                    double v = (loss(pp) - loss(pm) - loss(scaled(pm, -1)) + loss(scaled(pp, -1))) / (4 * h * h);
                    out.set(a, b, v);
                    out.set(b, a, v);
                }
            }
            return out;
        }

        private double loss(double[] t) {
            return pre.populationLoss(curve(t));
        }

        DMatrixRMaj scoreCovariance(DMatrixRMaj jac, Rng rng, double[] se) {
            DMatrixRMaj sig;
            if (pre instanceof ExactScoreCovariance exact) {
                sig = symmetric(Mat.multTransA(jac, Mat.mult(exact.scoreSecondMoment(), jac)));
                se[0] = 0;
            } else {
                if (rng == null) {
                    throw new IllegalArgumentException("a random stream is needed for the Monte Carlo score covariance"
                            + " of " + problem.name());
                }
                int n = st.scoreDraws();
                double[][] s = new double[n][];
                sig = new DMatrixRMaj(k, k);
                for (int i = 0; i < n; i++) {
                    double[] g = pre.gradient(wStar, pre.sample(rng));
                    s[i] = Mat.multTransA(jac, Mat.col(g)).getData();
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            sig.add(a, b, s[i][a] * s[i][b] / n);
                        }
                    }
                }
                double maxSe = 0;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b <= a; b++) {
                        double var = 0;
                        for (int i = 0; i < n; i++) {
                            double d = s[i][a] * s[i][b] - sig.get(a, b);
                            var += d * d;
                        }
                        maxSe = Math.max(maxSe, Math.sqrt(var / (n - 1) / n));
                    }
                }
                se[0] = maxSe;
            }
            Checks.requireFinite("score covariance Sigma* (Assumption D.5: finite second moment of the score)", sig);
            return sig;
        }

        DMatrixRMaj gramFromRep() {
            double[] diag = new double[k];
            DMatrixRMaj g = new DMatrixRMaj(k, k);
            for (int a = 0; a < k; a++) {
                diag[a] = squaredNormOfL(unit(a));
                g.set(a, a, diag[a]);
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) {
                    double[] plus = new double[k];
                    double[] minus = new double[k];
                    plus[a] = 1;
                    plus[b] = 1;
                    minus[a] = 1;
                    minus[b] = -1;
                    double v = (squaredNormOfL(plus) - squaredNormOfL(minus)) / 4;
                    g.set(a, b, v);
                    g.set(b, a, v);
                }
            }
            return g;
        }

        private double squaredNormOfL(double[] v) {
            double t = st.repStep();
            return (4 * symmetricQuotient(v, t / 2) - symmetricQuotient(v, t)) / 3;
        }

        private double symmetricQuotient(double[] v, double t) {
            return (representationError(down, along(v, t)) + representationError(down, along(v, -t))) / (2 * t * t);
        }

        /** The objects of (5.1) and the dimensions. */
        private record FirstPrinciples(DMatrixRMaj gram, double[] theta, int dEff, int dimB0, int stableRank,
                                       int dBase, int dBaseTangent, double spread) {
        }

        FirstPrinciples firstPrinciples(DMatrixRMaj jac) {
            L2Span span = new L2Span(down, p);
            int star = span.add(wStar);
            PopulationMoments pm = down.moments(wStar);
            PseudoInverse sp = PseudoInverse.of(pm.sigma());
            int dEff = sp.rank();
            DMatrixRMaj theta = Mat.mult(sp.pinv(), pm.c());
            SymmetricEigen eig = SymmetricEigen.of(symmetric(pm.sigma()));
            requireRankGap(eig.values());
            double rep = representationError(down, wStar);
            double repTol = Math.max(1e-8 * Math.max(1, pm.targetSecondMoment()), 10 * down.momentStandardError());
            if (Math.abs(rep) > repTol) {
                throw new IllegalArgumentException("well-specification: f* is not in H_{Omega*} (Rep(Omega*) = " + rep
                        + " > " + repTol + ") for " + problem.name());
            }
            DMatrixRMaj eStar = eig.leading(dEff);
            DMatrixRMaj nStar = dEff == p ? new DMatrixRMaj(p, 0) : eig.trailing(dEff);

            double eps = st.derivativeStep() * Math.max(1, norm(wStar));
            int[][] tangentPts = new int[k][];
            for (int a = 0; a < k; a++) {
                tangentPts[a] = derivativePoints(span, column(jac, a), eps);
            }
            int q0 = wStar.length;
            int[][] coordPts = new int[st.fullBase() ? q0 : 0][];
            for (int i = 0; i < coordPts.length; i++) {
                double[] e = new double[q0];
                e[i] = 1;
                coordPts[i] = derivativePoints(span, e, eps);
            }
            double[] u1 = genericDirection(1);
            double[] u2 = genericDirection(-1);
            double t = st.nullStep();
            int[] b1 = {span.add(along(u1, t)), span.add(along(u1, t / 2)), span.add(along(u1, t / 4))};
            int[] b2 = {span.add(along(u2, t)), span.add(along(u2, t / 2)), span.add(along(u2, t / 4))};

            DMatrixRMaj hs = new DMatrixRMaj(span.size(), k);
            for (int a = 0; a < k; a++) {
                CommonOps_DDRM.insert(derivative(span, tangentPts[a], theta, eps), hs, 0, a);
            }
            DMatrixRMaj hStar = span.block(star, Mat.identity(p));

            int[] dims = new int[3];
            DMatrixRMaj g1 = extrapolatedGram(span, b1, new double[] {t, t / 2, t / 4}, eStar, nStar, hStar, hs, dims);
            int dimB0 = dims[0];
            DMatrixRMaj g2 = extrapolatedGram(span, b2, new double[] {t, t / 2, t / 4}, eStar, nStar, hStar, hs, dims);
            if (dims[0] != dimB0) {
                throw new twostage.check.AssumptionViolation("Assumption G.4", "dim B_v differs between directions ("
                        + dimB0 + " vs " + dims[0] + ") for " + problem.name());
            }
            double spread = maxAbs(Mat.sub(g1, g2));
            int stable = PseudoInverse.of(down.crossMoment(along(u1, t), along(u1, t))).rank();

            int dBaseTangent = rank(span.inner(L2Span.concat(hStar, hs), L2Span.concat(hStar, hs)), 1e-8);
            int dBase = dBaseTangent;
            if (st.fullBase()) {
                DMatrixRMaj hc = new DMatrixRMaj(span.size(), q0);
                for (int i = 0; i < q0; i++) {
                    CommonOps_DDRM.insert(derivative(span, coordPts[i], theta, eps), hc, 0, i);
                }
                DMatrixRMaj all = L2Span.concat(hStar, hc);
                dBase = rank(span.inner(all, all), 1e-8);
            }
            return new FirstPrinciples(g1, theta.getData().clone(), dEff, dimB0, stable, dBase, dBaseTangent, spread);
        }

        /**
         * The rank of Sigma(w*) must be unambiguous ({@link twostage.linalg.NumericalRank} at the pseudo-inverse's cut
         * 1e-10), else d_eff, N* and theta* are not well defined numerically.
         */
        private void requireRankGap(double[] values) {
            double max = Math.abs(values[0]);
            twostage.linalg.NumericalRank.of(values, twostage.linalg.PseudoInverse.DEFAULT_REL_TOL,
                    "Sigma(w*) of " + problem.name());
            if (!(max > 0)) {
                throw new IllegalArgumentException("Sigma(w*) = 0: the features vanish at w* for " + problem.name());
            }
        }

        /** Points w* + eps u, w* - eps u, w* + eps/2 u, w* - eps/2 u. */
        private int[] derivativePoints(L2Span span, double[] u, double eps) {
            int[] idx = new int[4];
            double[] steps = {eps, -eps, eps / 2, -eps / 2};
            for (int j = 0; j < 4; j++) {
                double[] w = wStar.clone();
                for (int i = 0; i < w.length; i++) {
                    w[i] += steps[j] * u[i];
                }
                idx[j] = span.add(w);
            }
            return idx;
        }

        /** theta^T (d/ds psi(., w* + s u)) at 0: central differences at eps and eps/2, one Richardson step. */
        private DMatrixRMaj derivative(L2Span span, int[] pts, DMatrixRMaj theta, double eps) {
            DMatrixRMaj d1 = Mat.scale(1 / (2 * eps), Mat.sub(span.block(pts[0], theta), span.block(pts[1], theta)));
            DMatrixRMaj d2 = Mat.scale(1 / eps, Mat.sub(span.block(pts[2], theta), span.block(pts[3], theta)));
            return Mat.add(Mat.scale(4.0 / 3, d2), Mat.scale(-1.0 / 3, d1));
        }

        /**
         * Gamma_t from B_{t u} at the three steps, extrapolated to t = 0 by (G_t - 6 G_{t/2} + 8 G_{t/4}) / 3.
         * dims[0] receives dim B0.
         */
        private DMatrixRMaj extrapolatedGram(L2Span span, int[] pts, double[] ts, DMatrixRMaj eStar, DMatrixRMaj nStar,
                                             DMatrixRMaj hStar, DMatrixRMaj hs, int[] dims) {
            DMatrixRMaj[] g = new DMatrixRMaj[3];
            int dim = -1;
            double scale = Math.max(1, Mat.trace(down.crossMoment(wStar, wStar)));
            for (int j = 0; j < 3; j++) {
                DMatrixRMaj bv = activatedSpan(span, pts[j], ts[j], eStar, nStar, scale);
                if (dim >= 0 && bv.numCols != dim) {
                    throw new twostage.check.AssumptionViolation("Assumption G.4", "dim B_v is not stable as v -> 0 ("
                            + dim + " vs " + bv.numCols + ") for " + problem.name());
                }
                dim = bv.numCols;
                DMatrixRMaj keep = L2Span.concat(hStar, bv);
                DMatrixRMaj l = Mat.scale(-1, Mat.sub(hs, span.project(keep, hs)));
                g[j] = symmetric(span.inner(l, l));
            }
            dims[0] = dim;
            if (dim == 0) {
                return g[2];
            }
            return Mat.scale(1.0 / 3, Mat.add(Mat.sub(g[0], Mat.scale(6, g[1])), Mat.scale(8, g[2])));
        }

        /** An L2-orthonormal basis of B_v = Im((I - Pi_{A_v}) T_v |N*) at the point with block index pt. */
        private DMatrixRMaj activatedSpan(L2Span span, int pt, double t, DMatrixRMaj eStar, DMatrixRMaj nStar,
                                          double scale) {
            if (nStar.numCols == 0) {
                return new DMatrixRMaj(span.size(), 0);
            }
            DMatrixRMaj a = span.block(pt, eStar);
            DMatrixRMaj tn = span.block(pt, nStar);
            DMatrixRMaj r = Mat.scale(1 / t, Mat.sub(tn, span.project(a, tn)));
            SymmetricEigen e = SymmetricEigen.of(symmetric(span.inner(r, r)));
            int dim = 0;
            while (dim < e.values().length && e.values()[dim] > 1e-8 * scale) {
                dim++;
            }
            if (dim == 0) {
                return new DMatrixRMaj(r.numRows, 0); // N* is not {0} but nothing is activated: B_v = {0}
            }
            DMatrixRMaj b = Mat.mult(r, e.leading(dim));
            for (int c = 0; c < dim; c++) {
                double f = 1 / Math.sqrt(e.values()[c]);
                for (int i = 0; i < b.numRows; i++) {
                    b.set(i, c, b.get(i, c) * f);
                }
            }
            return b;
        }

        private double[] genericDirection(int sign) {
            double[] u = new double[k];
            double n = 0;
            for (int a = 0; a < k; a++) {
                u[a] = (a % 2 == 0 ? 1 : sign) / (1.0 + 0.37 * a);
                n += u[a] * u[a];
            }
            if (k == 1) {
                u[0] = sign;
                n = 1;
            }
            for (int a = 0; a < k; a++) {
                u[a] /= Math.sqrt(n);
            }
            return u;
        }

        private double[] unit(int a) {
            double[] u = new double[k];
            u[a] = 1;
            return u;
        }
    }

    /**
     * Eigenvalues of V^1/2 Gamma V^1/2. Gamma comes from finite differences of the moments (relative accuracy about
     * 1e-7), so eigenvalues down to -1e-6 times the largest are rounding and set to 0; a more negative one means
     * Gamma or V is not PSD, which is an error.
     */
    static double[] weights(DMatrixRMaj v, DMatrixRMaj gram) {
        DMatrixRMaj vHalf = SymmetricEigen.of(v).apply(x -> Math.sqrt(Math.max(x, 0)));
        SymmetricEigen e = SymmetricEigen.of(symmetric(Mat.mult(vHalf, gram, vHalf)));
        double max = Math.max(0, e.values()[0]);
        double[] w = e.values().clone();
        for (int i = 0; i < w.length; i++) {
            if (w[i] < -1e-6 * Math.max(max, 1e-300) && w[i] < -1e-14) {
                throw new IllegalStateException("the interaction form V^1/2 Gamma V^1/2 has a negative eigenvalue "
                        + w[i] + " (Gamma or V not PSD)");
            }
            w[i] = w[i] <= 1e-6 * max ? 0.0 : w[i];
        }
        return w;
    }

    static int rank(DMatrixRMaj gram, double relTol) {
        return SymmetricEigen.of(symmetric(gram)).rank(relTol);
    }

    static DMatrixRMaj symmetric(DMatrixRMaj a) {
        return Mat.scale(0.5, Mat.add(a, Mat.transpose(a)));
    }

    static double[] scaled(double[] v, double s) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = s * v[i];
        }
        return r;
    }

    static double[] column(DMatrixRMaj m, int c) {
        double[] v = new double[m.numRows];
        for (int i = 0; i < v.length; i++) {
            v[i] = m.get(i, c);
        }
        return v;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double maxAbs(DMatrixRMaj m) {
        double r = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            r = Math.max(r, Math.abs(m.get(i)));
        }
        return r;
    }
}
