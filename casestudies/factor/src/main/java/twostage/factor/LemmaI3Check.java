package twostage.factor;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.geometry.FixedRankPsdGeometry;
import twostage.geometry.FixedRankPsdPoint;
import twostage.stats.LogLogSlope;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Lemma I.3 (p. 95): Assumption D.5 holds for the PPCA estimator when A* has full column rank. Checked parts:
 * <ul>
 *   <li>(i) L(M) - L(M*) = (1/2)[tr(Sigma_x (I+M)^-1) - log det(Sigma_x (I+M)^-1) - d] >= 0, = 0 at M* (EXACT,
 *       tolerance 1e-10 (1 + |L|), random rank-k M);</li>
 *   <li>(ii) Davis-Kahan (I.5): ||P_hat - P*||_op <= 2 ||Delta||_op / (lambda_k(Sigma_x) - 1) on random symmetric
 *       perturbations; consistency: E||M_hat_m - M*||_F falls like m^-1/2 (fitted log-log slope in [-0.6, -0.4]);</li>
 *   <li>(iii) the printed Euclidean gradient (1/2)[(I+M)^-1 - (I+M)^-1 x x^T (I+M)^-1]: Taylor slope >= 1.8;</li>
 *   <li>(iv) the population gradient vanishes at M*; the printed Hessian form (1/2) tr(Sigma_x^-1 H Sigma_x^-1 H)
 *       equals the second derivative of L along the retraction curve R_{M*}(tH) (Richardson second difference,
 *       relative 1e-6) and the CF7 Riemannian Hessian of the geometry (1e-10); H* is positive definite;</li>
 *   <li>the score covariance Sigma* (closed form by Isserlis, = H*) against Monte Carlo along 3 random tangent
 *       directions (within {@link FalseAlarm#Z} SE);</li>
 *   <li>the derivative of the PPCA map g at Sigma_x (central differences, h = 1e-4) against the printed
 *       Dg[G] = P G + G P - P G P (relative 1e-6);</li>
 *   <li>H*, Sigma* and V from the general engine (first principles on M_{d,k}) against the closed forms
 *       (CONTROL, relative 1e-4 for the engine's finite differences);</li>
 *   <li>the CLT: V = H*^-1 Sigma* H*^-1 against Cov(Z) of (I.7)-(I.9) as printed (EXACT 1e-10 relative), and
 *       against the simulated covariance of sqrt(m) E^T vec(M_hat - M*) at m = 5000 and 20000 (PAPER also 200000),
 *       3000 replicates (PAPER 10000) with the Bartlett shortcut: the variance along 3 random unit directions within
 *       Z SE at the largest m, and the relative Frobenius error reported.</li>
 * </ul>
 * Instance: the Corollary 6.4 instance (d = 6, k = 2, singular values (3, 0.7)). Negative control: (I.7) without the
 * -P G P term must disagree with V. False-alarm rate: 6 statistical comparisons at 5e-6.
 */
public final class LemmaI3Check implements Check {

    @Override public String claimId() { return "Lemma I.3"; }
    @Override public String name() { return "D.5 for PPCA: identification, derivatives, Hessian > 0, score covariance, CLT"; }
    @Override public String module() { return "casestudies/factor"; }
    @Override public String statement() {
        return "With A* of full column rank: L(M) - L(M*) = (1/2)[tr(Sigma_x(I+M)^-1) - log det(Sigma_x(I+M)^-1) - d] "
                + ">= 0 with equality iff M = M*; Davis-Kahan consistency; gradient (1/2)[(I+M)^-1 - (I+M)^-1 x x^T "
                + "(I+M)^-1]; zero population gradient at M*, Hessian form (1/2) tr(Sigma_x^-1 H Sigma_x^-1 H) > 0 on "
                + "the tangent space; hence sqrt(m) (M_hat - M*) => Z = P G + G P - P G P (I.7) with G from (I.8).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        FactorModel model = Corollary64Instance.of(ctx);
        int d = model.d();
        int k = model.k();
        DMatrixRMaj sx = model.sigmaX();
        DMatrixRMaj mStar = model.mStar();
        double lStar = PpcaLikelihood.lossM(mStar, sx);
        Rng rng = ctx.rng(claimId(), 0);

        // (i) KL identity
        double worstKl = 0;
        double minKl = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 30; t++) {
            DMatrixRMaj m = Mat.scale(0.2 + 5 * rng.nextDouble(), RandomMatrices.psdOfRank(d, k, rng));
            double lhs = PpcaLikelihood.lossM(m, sx) - lStar;
            DMatrixRMaj inv = Linalg.spdInverse(Mat.add(Mat.identity(d), m));
            DMatrixRMaj prod = Mat.mult(sx, inv);
            double rhs = 0.5 * (Mat.trace(prod) - (Linalg.logDetSpd(sx) - Linalg.logDetSpd(Mat.add(Mat.identity(d), m))) - d);
            worstKl = Math.max(worstKl, Math.abs(lhs - rhs) / (1e-10 * (1 + Math.abs(lStar))));
            minKl = Math.min(minKl, rhs);
        }
        res.add(Evidence.atMost("(i) max |L(M)-L(M*) - KL form| in units of 1e-10 (1+|L|)", Role.CLAIM, worstKl, 1.0,
                "30 random rank-k M"));
        res.add(Evidence.atLeast("(i) min KL form over random M", Role.CLAIM, minKl, 0.0, ""));

        // (iii) gradient slope test, per-sample loss
        double minSlope = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 5; t++) {
            double[] x = model.sampleX(rng);
            DMatrixRMaj s = Mat.multTransB(Mat.col(x), Mat.col(x));
            DMatrixRMaj m = Mat.add(mStar, Mat.scale(0.3, Linalg.sym(RandomMatrices.gaussian(d, d, rng))));
            DMatrixRMaj h = Linalg.sym(RandomMatrices.gaussian(d, d, rng));
            double[] steps = LogLogSlope.halfDecades(1e-2, 6);
            double[] rem = new double[steps.length];
            double f0 = PpcaLikelihood.lossM(m, s);
            double g = Mat.inner(PpcaLikelihood.gradientM(m, s), h);
            for (int i = 0; i < steps.length; i++) {
                rem[i] = Math.abs(PpcaLikelihood.lossM(Mat.add(m, Mat.scale(steps[i], h)), s) - f0 - steps[i] * g);
            }
            minSlope = Math.min(minSlope, LogLogSlope.fit(steps, rem));
        }
        res.add(Evidence.atLeast("(iii) min Taylor slope of the printed gradient (first-order remainder)", Role.CLAIM,
                minSlope, 1.8, "h = 1e-2..10^-4.5, per-sample loss at random M near M*; exact gradient gives 2"));

        // (iv) zero gradient, Hessian form along retraction curves, Riemannian Hessian, positive definiteness
        double gradNorm = Mat.frob(PpcaLikelihood.gradientM(mStar, sx));
        res.add(Evidence.zero("(iv) |grad L(M*)|_F", Role.CLAIM, gradNorm, 1e-12 * (1 + Mat.frob(sx)), ""));
        PpcaTangentLaw law = PpcaTangentLaw.of(model);
        FixedRankPsdGeometry geo = FixedRankPsdGeometry.of(d, k);
        double[] mFlat = Linalg.flat(mStar);
        DMatrixRMaj si = model.sigmaXInverse();
        double worstForm = 0;
        for (int t = 0; t < 5; t++) {
            double[] coef = rng.gaussians(law.dimension());
            DMatrixRMaj h = Mat.mult(law.basis(), Mat.col(coef));
            h.reshape(d, d);
            double printed = 0.5 * Mat.trace(Mat.mult(si, h, Mat.mult(si, h)));
            double second = secondDerivativeAlongRetraction(geo, mFlat, Linalg.flat(h), sx);
            worstForm = Math.max(worstForm, Math.abs(printed - second) / (1e-6 * Math.abs(printed)));
        }
        res.add(Evidence.atMost("(iv) max |printed Hessian form - d^2/dt^2 L(R(tH))| in units of 1e-6 |form|",
                Role.CLAIM, worstForm, 1.0, "5 random tangent H; Richardson second differences"));
        DMatrixRMaj hPrinted = law.hessian();
        FixedRankPsdPoint p = geo.point(mFlat);
        DMatrixRMaj hGeo = geo.riemannianHessianMatrix(p,
                Linalg.flat(PpcaLikelihood.gradientM(mStar, sx)),
                xi -> Linalg.flat(Mat.scale(0.5, Mat.mult(si, Linalg.unflat(xi, d, d), si))));
        res.add(Evidence.zero("(iv) |H printed - CF7 Riemannian Hessian|_F / |H|_F", Role.CONTROL,
                Mat.dist(hPrinted, hGeo) / Mat.frob(hPrinted), 1e-10, "Euclidean Hessian of L at M*: H -> (1/2) "
                        + "Sigma^-1 H Sigma^-1; the curvature term vanishes as grad L(M*) = 0"));
        double[] hev = SymmetricEigen.of(hPrinted).values();
        res.add(Evidence.atLeast("(iv) lambda_min(H*) / lambda_max(H*)", Role.CLAIM, hev[hev.length - 1] / hev[0], 1e-8,
                "positive definite on T_{M*} (dim " + law.dimension() + ")"));

        // score covariance by Monte Carlo along random tangent directions
        DMatrixRMaj sigmaStar = law.scoreCovariance();
        int draws = ctx.scale().pick(200_000, 1_000_000);
        for (int dir = 0; dir < 3; dir++) {
            double[] coef = unit(rng.gaussians(law.dimension()));
            DMatrixRMaj v = Mat.mult(law.basis(), Mat.col(coef));
            v.reshape(d, d);
            double[] s2 = new double[draws];
            for (int i = 0; i < draws; i++) {
                double[] x = model.sampleX(rng);
                DMatrixRMaj xx = Mat.multTransB(Mat.col(x), Mat.col(x));
                double sc = Mat.inner(PpcaLikelihood.gradientM(mStar, xx), v);
                s2[i] = sc * sc;
            }
            MonteCarlo mc = MonteCarlo.of(s2);
            double ref = quad(coef, sigmaStar);
            res.add(Evidence.withinSE("score variance along tangent direction " + dir, Role.CONTROL, mc.mean(), ref,
                    mc.standardError(), FalseAlarm.Z, draws + " draws; closed form (1/2) tr(S^-1 v S^-1 v)"));
        }

        // CLT: V vs (I.7)-(I.9) and simulation
        DMatrixRMaj v = law.sandwich();
        DMatrixRMaj cI7 = law.covarianceOfI7(false);
        DMatrixRMaj cPlanted = law.covarianceOfI7(true);
        // the general engine, from first principles on M_{d,k} (same tangent basis)
        twostage.engine.LimitLaw engine = FactorEngineLaw.of(model, ctx.rng("Lemma I.3/engine", 0)).law();
        res.add(Evidence.zero("|H* engine - printed Hessian form|_F / |H|_F", Role.CONTROL,
                Mat.dist(engine.hessian(), hPrinted) / Mat.frob(hPrinted), 1e-4,
                "engine: second differences of L along retraction curves; relative 1e-4 (finite differences)"));
        res.add(Evidence.zero("|Sigma* engine - closed-form score covariance|_F / |Sigma*|_F", Role.CONTROL,
                Mat.dist(engine.scoreCovariance(), sigmaStar) / Mat.frob(sigmaStar), 1e-4,
                "engine: J^T C J with the exact Euclidean score moment of FactorProblem"));
        res.add(Evidence.zero("|V engine - V closed form|_F / |V|_F", Role.CONTROL,
                Mat.dist(engine.covariance(), v) / Mat.frob(v), 1e-4, ""));
        res.add(Evidence.zero("|Cov(Z) of (I.7)-(I.9) - V|_F / |V|_F", Role.CLAIM, Mat.dist(cI7, v) / Mat.frob(v),
                1e-10, "V = H*^-1 Sigma* H*^-1 from the closed forms"));
        // Dg at Sigma_x by central differences of the PPCA map g(S) = M_hat(S), against P G + G P - P G P
        double worstDg = 0;
        DMatrixRMaj pStarDg = Mat.multTransB(model.u1(), model.u1());
        for (int t = 0; t < 5; t++) {
            DMatrixRMaj g = Linalg.sym(RandomMatrices.gaussian(d, d, rng));
            double h = 1e-4;
            DMatrixRMaj fd = Mat.scale(1 / (2 * h), Mat.sub(PpcaEstimator.fit(Mat.add(sx, Mat.scale(h, g)), k).m(),
                    PpcaEstimator.fit(Mat.sub(sx, Mat.scale(h, g)), k).m()));
            DMatrixRMaj printedDg = Mat.sub(Mat.add(Mat.mult(pStarDg, g), Mat.mult(g, pStarDg)),
                    Mat.mult(pStarDg, g, pStarDg));
            worstDg = Math.max(worstDg, Mat.dist(fd, printedDg) / (1e-6 * Mat.frob(printedDg)));
        }
        res.add(Evidence.atMost("Dg_{Sigma_x}[G] by central differences (h = 1e-4) vs P G + G P - P G P, units of "
                + "1e-6 |Dg|", Role.CLAIM, worstDg, 1.0, "5 random symmetric G; g = PPCA map S -> M_hat(S)"));
        res.add(Evidence.plantedErrorCaught("(I.7) without the -P G P term",
                Evidence.zero("|Cov(planted Z) - V|_F / |V|_F", Role.CONTROL, Mat.dist(cPlanted, v) / Mat.frob(v),
                        1e-10, "")));
        int[] ms = ctx.scale().pick(new int[] {5000, 20000}, new int[] {5000, 20000, 200000});
        int reps = ctx.scale().pick(3000, 10000);
        WishartSampler sampler = WishartSampler.of(sx);
        double[][] dirs = new double[3][];
        for (int i = 0; i < 3; i++) {
            dirs[i] = unit(rng.gaussians(law.dimension()));
        }
        StringBuilder csv = new StringBuilder("m,replicates,rel_frobenius_error_cov_vs_V,mean_norm_Mhat_minus_Mstar\n");
        List<double[]> last = null;
        for (int m : ms) {
            List<double[]> zs = ctx.replicate("Lemma I.3/clt/m=" + m, reps, (r, rr) -> {
                PpcaEstimator est = PpcaEstimator.fit(sampler.bartlett(m, rr), k);
                double[] z = law.coordinates(Mat.sub(est.m(), mStar));
                for (int a = 0; a < z.length; a++) {
                    z[a] *= Math.sqrt(m);
                }
                return z;
            });
            DMatrixRMaj cov = new DMatrixRMaj(law.dimension(), law.dimension());
            for (double[] z : zs) {
                for (int a = 0; a < z.length; a++) {
                    for (int b = 0; b < z.length; b++) {
                        cov.add(a, b, z[a] * z[b] / reps);
                    }
                }
            }
            double rel = Mat.dist(cov, v) / Mat.frob(v);
            csv.append(m).append(',').append(reps).append(',').append(rel).append('\n');
            res.add(Evidence.info("m=" + m + ": |Cov_hat(sqrt m E^T vec(M_hat - M*)) - V|_F / |V|_F", rel,
                    "MC noise alone is of order sqrt(2/" + reps + ") ~ " + Fmt.g(Math.sqrt(2.0 / reps))));
            last = zs;
        }
        for (int i = 0; i < 3; i++) {
            double[] u = dirs[i];
            double[] proj2 = last.stream().mapToDouble(z -> {
                double s = 0;
                for (int a = 0; a < z.length; a++) {
                    s += u[a] * z[a];
                }
                return s * s;
            }).toArray();
            MonteCarlo mc = MonteCarlo.of(proj2);
            res.add(Evidence.withinSE("variance of sqrt(m) <u" + i + ", M_hat - M*> at m=" + ms[ms.length - 1]
                    + " vs u^T V u", Role.CLAIM, mc.mean(), quad(u, v), mc.standardError(), FalseAlarm.Z,
                    reps + " replicates, Bartlett shortcut"));
        }

        // (ii) Davis-Kahan and consistency
        double worstDk = 0;
        double gap = model.sigmas()[k - 1];
        DMatrixRMaj pStar = Mat.multTransB(model.u1(), model.u1());
        for (int t = 0; t < 40; t++) {
            DMatrixRMaj delta = Mat.scale((0.001 + 0.3 * rng.nextDouble()) * gap,
                    normalised(Linalg.sym(RandomMatrices.gaussian(d, d, rng))));
            DMatrixRMaj pHat = Mat.multTransB(SymmetricEigen.of(Mat.add(sx, delta)).leading(k),
                    SymmetricEigen.of(Mat.add(sx, delta)).leading(k));
            double lhs = Mat.opNorm(Mat.sub(pHat, pStar));
            worstDk = Math.max(worstDk, lhs / (2 * Mat.opNorm(delta) / gap));
        }
        res.add(Evidence.atMost("(ii) max ||P_hat - P*||_op / (2||Delta||_op/(lambda_k(Sigma_x) - 1))", Role.CLAIM,
                worstDk, 1.0, "40 random perturbations with ||Delta|| up to 0.3 x gap"));
        int[] mc = {1000, 10000, 100000, 1000000};
        double[] errs = new double[mc.length];
        double[] msd = new double[mc.length];
        for (int i = 0; i < mc.length; i++) {
            int m = mc[i];
            msd[i] = m;
            errs[i] = ctx.replicate("Lemma I.3/consistency/m=" + m, 400,
                    (r, rr) -> Mat.dist(PpcaEstimator.fit(sampler.bartlett(m, rr), k).m(), mStar)).stream()
                    .mapToDouble(Double::doubleValue).average().orElseThrow();
            csv.append("consistency,").append(m).append(',').append(errs[i]).append('\n');
        }
        double slope = LogLogSlope.fit(msd, errs);
        res.add(Evidence.close("(ii) log-log slope of E||M_hat - M*||_F in m", Role.CLAIM, slope, -0.5, 0.1,
                "m = 1e3..1e6, 400 replicates each; consistency at the sqrt(m) rate"));
        res.attach(Attachment.csv("lemma-I.3-clt.csv", csv.toString()));
        return res.build();
    }

    /** d^2/dt^2 L(R_{M*}(t h)) at 0 by central second differences with one Richardson step. */
    static double secondDerivativeAlongRetraction(FixedRankPsdGeometry geo, double[] m, double[] h, DMatrixRMaj sx) {
        int d = sx.numRows;
        java.util.function.DoubleUnaryOperator f = t -> {
            double[] xi = h.clone();
            for (int i = 0; i < xi.length; i++) {
                xi[i] *= t;
            }
            return PpcaLikelihood.lossM(Linalg.unflat(geo.retract(m, xi), d, d), sx);
        };
        double t = 1e-2;
        double f0 = f.applyAsDouble(0);
        double d1 = (f.applyAsDouble(t) - 2 * f0 + f.applyAsDouble(-t)) / (t * t);
        double d2 = (f.applyAsDouble(t / 2) - 2 * f0 + f.applyAsDouble(-t / 2)) / (t * t / 4);
        return (4 * d2 - d1) / 3;
    }

    static double quad(double[] u, DMatrixRMaj m) {
        return FactorModel.quad(u, m);
    }

    static double[] unit(double[] v) {
        double n = Math.sqrt(FactorModel.quad(v, Mat.identity(v.length)));
        double[] out = v.clone();
        for (int i = 0; i < v.length; i++) {
            out[i] /= n;
        }
        return out;
    }

    static DMatrixRMaj normalised(DMatrixRMaj a) {
        return Mat.scale(1 / Mat.opNorm(a), a);
    }
}
