package twostage.factor;

import java.util.ArrayList;
import java.util.List;
import twostage.check.Check;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.stats.LogLogSlope;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * The comparison with Ge et al. (2024, Thm 4.4) in Section 6.2 (p. 11, unnumbered). As quoted: w.h.p.
 * E_{m,n} <~ D^4 k + alpha^-1 D^12 (D^4 + sigma_min(A*)^-4) d with D := max{||A*||_op, ||beta*||, 1}; the paper
 * states that Corollary 6.4 implies the sharper E_{m,n} ~ (sigma_nu^2 + D^2) k + alpha^-1 D^2 (d - k).
 *
 * <p>Two sweeps (d = 6, k = 2, alpha = 1, sigma_nu^2 = 0.5, fixed random directions): (1) D grows: singular values
 * (s, 0.7 s) and |beta*| = s for s = 1..32, so D = s; (2) sigma_min shrinks: singular values (2, t), |beta*| = 1,
 * t = 1..1/8, so D = 2. Per instance: the Ge bound, the sharp asymptotic mean sigma^2 k + alpha^-1 E||L(Z)||^2 with
 * E||L(Z)||^2 from the general engine (falling back to our derived closed form, flagged, if the engine rejects the
 * instance), the printed Corollary 6.4 mean, the paper's rate, their ratios; and a simulation of m Rep(M_hat_m) at
 * m = 1e8 (Bartlett shortcut, 1000 replicates; PAPER 4000), which estimates E||L(Z)||^2. The fitted log-log
 * exponents of the alpha^-1 term (last four points of each sweep) are compared with the rate the paper states:
 * exponent 2 in D and 0 in sigma_min. Also: sigma^2 k <= (sigma_nu^2 + D^2) k and Ge bound >= sharp mean on every
 * instance. The engine-vs-derived agreement is reported (INFO) here; it is a CONTROL on the headline instance
 * in {@link Corollary64Check}. Negative control: the exponent comparison applied to a planted sigma_min^-4 dependence must fail.
 * False-alarm rate: one withinSE comparison per instance (11 at 5e-6).
 */
public final class GeComparisonCheck implements Check {

    static final double ALPHA = 1.0;

    @Override public String claimId() { return "Corollary 6.4"; }
    @Override public String name() { return "comparison with Ge et al. (2024, Thm 4.4)"; }
    @Override public String module() { return "casestudies/factor"; }
    @Override public String statement() {
        return "Ge et al. (2024, Thm 4.4) give w.h.p. E_{m,n} <~ D^4 k + alpha^-1 D^12 (D^4 + sigma_min(A*)^-4) d, "
                + "D = max(||A*||_op, ||beta*||, 1); Corollary 6.4 implies the sharper E_{m,n} ~ (sigma_nu^2 + D^2) k "
                + "+ alpha^-1 D^2 (d - k) for large m, n, a much better dependence on D (p. 11).";
    }

    private record Row(String sweep, double param, double dd, double sigmaMin, double sigma2, double ge,
                       double sharp, double term, boolean engineUsed, double printed, double rate, double sim,
                       double simSe) {
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        Rng dirs = ctx.rng("Ge comparison/directions", 0);
        FactorModel base = FactorModel.random(6, new double[] {1, 0.7}, 1.0, 0.5, dirs);
        int reps = ctx.scale().pick(1000, 4000);
        List<Row> rows = new ArrayList<>();
        double[] ss = {1, 2, 4, 8, 16, 32};
        for (double s : ss) {
            rows.add(row(ctx, "D grows", s, rescale(base, new double[] {s, 0.7 * s}, s), reps, res));
        }
        double[] ts = {1, 0.5, 0.25, 0.125, 0.0625};
        for (double t : ts) {
            rows.add(row(ctx, "sigma_min shrinks", t, rescale(base, new double[] {2, t}, 1.0), reps, res));
        }
        StringBuilder csv = new StringBuilder("sweep,parameter,D,sigma_min,sigma2,ge_bound,sharp_mean,"
                + "interaction_term_alpha_inv,engine_used,printed_cor64_mean,paper_rate,ratio_ge_over_sharp,"
                + "ratio_term_over_D2(d-k),simulated_interaction,simulated_se\n");
        SweepChart chartD = new SweepChart("Factor model: bounds and sharp limit as D grows (alpha = 1)", "D");
        SweepChart chartS = new SweepChart("Factor model: bounds and sharp limit as sigma_min(A*) shrinks (D = 2)",
                "sigma_min(A*)");
        double worstSigma = Double.NEGATIVE_INFINITY;
        double worstGe = Double.POSITIVE_INFINITY;
        for (Row r : rows) {
            csv.append(r.sweep).append(',').append(r.param).append(',').append(r.dd).append(',').append(r.sigmaMin)
                    .append(',').append(r.sigma2).append(',').append(r.ge).append(',').append(r.sharp).append(',')
                    .append(r.term).append(',').append(r.engineUsed).append(',').append(r.printed).append(',')
                    .append(r.rate).append(',').append(r.ge / r.sharp).append(',')
                    .append(r.term / (r.dd * r.dd * 4)).append(',').append(r.sim).append(',').append(r.simSe)
                    .append('\n');
            SweepChart c = r.sweep.equals("D grows") ? chartD : chartS;
            double x = r.sweep.equals("D grows") ? r.dd : r.sigmaMin;
            c.point("Ge et al. bound", x, r.ge).point("sharp limit mean (engine; derived where rejected)", x, r.sharp)
                    .point("Cor 6.4 as printed", x, r.printed).point("paper's rate (s_nu^2+D^2)k+D^2(d-k)/alpha", x, r.rate)
                    .point("Ge bound / sharp mean", x, r.ge / r.sharp);
            worstSigma = Math.max(worstSigma, r.sigma2 * 2 - (0.5 + r.dd * r.dd) * 2);
            worstGe = Math.min(worstGe, r.ge - r.sharp);
        }
        double slopeD = tailSlope(rows, "D grows", true);
        double slopeS = tailSlope(rows, "sigma_min shrinks", false);
        double slopeDPrinted = tailSlopePrinted(rows, "D grows", true);
        double slopeSPrinted = tailSlopePrinted(rows, "sigma_min shrinks", false);
        res.add(Evidence.atMost("max over instances of sigma^2 k - (sigma_nu^2 + D^2) k", Role.CLAIM, worstSigma, 0.0,
                "sigma^2 = Var(y|x); first term of the stated rate is an upper bound"));
        res.add(Evidence.atLeast("min over instances of (Ge bound - sharp limit mean)", Role.CLAIM, worstGe, 0.0,
                "the prior bound is valid against the sharp limit"));
        res.add(Evidence.close("fitted exponent of the alpha^-1 term in D (D-sweep, last 4 points)", Role.CLAIM, slopeD,
                2.0, 0.5, "paper: alpha^-1 D^2 (d-k); Ge: D^16. The Cor 6.4 constant as printed has exponent "
                        + Fmt.g(slopeDPrinted)));
        res.add(Evidence.close("fitted exponent of the alpha^-1 term in sigma_min(A*) (D = 2 fixed)", Role.CLAIM,
                slopeS, 0.0, 0.5, "paper: no sigma_min dependence; Ge: sigma_min^-4. The Cor 6.4 constant as printed "
                        + "has exponent " + Fmt.g(slopeSPrinted)));
        double[] xs = {1, 0.5, 0.25, 0.125};
        double[] planted = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            planted[i] = Math.pow(xs[i], -4);
        }
        res.add(Evidence.plantedErrorCaught("alpha^-1 term with a sigma_min^-4 dependence",
                Evidence.close("fitted exponent of the planted term", Role.CONTROL, LogLogSlope.fit(xs, planted), 0.0,
                        0.5, "")));
        if (Math.abs(slopeS) > 0.5 || Math.abs(slopeD - 2) > 0.5) {
            res.discrepancyNote("measured alpha^-1 term scales like D^" + Fmt.g(slopeD) + " and sigma_min^"
                    + Fmt.g(slopeS) + " (engine and simulation agree), not like D^2 sigma_min^0: the stated sharper rate "
                    + "inherits the constant printed in Corollary 6.4, and the true term grows without bound as "
                    + "sigma_min(A*) -> 0 at fixed D");
        }
        res.attach(Attachment.csv("ge-comparison.csv", csv.toString()));
        res.attach(Attachment.png("ge-comparison-D.png", chartD.render()));
        res.attach(Attachment.png("ge-comparison-sigma-min.png", chartS.render()));
        return res.build();
    }

    private Row row(CheckContext ctx, String sweep, double param, FactorModel model, int reps, CheckResult.Builder res) {
        int d = model.d();
        int k = model.k();
        double dd = Math.max(Math.max(Mat.opNorm(model.aStar()), norm(model.betaStar())), 1.0);
        double sigmaMin = Math.sqrt(model.sigmas()[k - 1]);
        double sigma2 = model.noiseVarianceByConditioning();
        double ge = Math.pow(dd, 4) * k + Math.pow(dd, 12) * (Math.pow(dd, 4) + Math.pow(sigmaMin, -4)) * d / ALPHA;
        double derived = model.kappaDerived() * (d - k);
        double term;
        boolean engineUsed;
        try {
            term = FactorEngineLaw.of(model, ctx.rng("Ge comparison/engine", 0)).interactionMean();
            engineUsed = true;
            res.add(Evidence.info(sweep + " " + Fmt.g(param) + ": engine E||L(Z)||^2 (derived closed form in note)",
                    term, "derived " + Fmt.g(derived) + ", relative difference " + Fmt.g(Math.abs(term - derived) / derived)
                            + " (engine finite-difference steps scale with |M*|, not with sigma_min^2)"));
        } catch (IllegalStateException | IllegalArgumentException engineRejected) {
            term = derived;
            engineUsed = false;
            res.add(Evidence.info(sweep + " " + Fmt.g(param) + ": engine rejected the instance", 0,
                    engineRejected.getMessage()));
        }
        double sharp = sigma2 * k + term / ALPHA;
        double printed = sigma2 * k + model.kappaPrinted() * (d - k) / ALPHA;
        double rate = (model.sigmaNu2() + dd * dd) * k + dd * dd * (d - k) / ALPHA;
        FactorPipeline pipe = FactorPipeline.of(model);
        int m = 100_000_000;
        double[] sims = ctx.replicate("Ge comparison/" + sweep + "/" + param, reps, (r, rng) -> pipe.mRep(m, rng))
                .stream().mapToDouble(Double::doubleValue).toArray();
        MonteCarlo mc = MonteCarlo.of(sims);
        res.add(Evidence.withinSE(sweep + " " + Fmt.g(param) + ": simulated m Rep(M_hat) (m=1e8) vs E||L(Z)||^2",
                Role.CONTROL, mc.mean(), term, mc.standardError(), FalseAlarm.Z, reps + " replicates; D=" + Fmt.g(dd)
                        + ", sigma_min=" + Fmt.g(sigmaMin) + ", Ge/sharp=" + Fmt.g(ge / sharp)));
        return new Row(sweep, param, dd, sigmaMin, sigma2, ge, sharp, term, engineUsed, printed, rate, mc.mean(),
                mc.standardError());
    }

    /** The base model's directions (U1, rotation, beta* direction) with new singular values and |beta*|. */
    static FactorModel rescale(FactorModel base, double[] singularValues, double betaNorm) {
        // A* = U1 diag(sqrt(sigma)) O: recover O = diag(sqrt sigma)^-1 U1^T A*, then rebuild
        int k = base.k();
        double[] sig = base.sigmas();
        org.ejml.data.DMatrixRMaj o = Mat.multTransA(base.u1(), base.aStar());
        org.ejml.data.DMatrixRMaj us = base.u1();
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < k; c++) {
                o.set(j, c, o.get(j, c) / Math.sqrt(sig[j]));
            }
            for (int i = 0; i < base.d(); i++) {
                us.set(i, j, us.get(i, j) * singularValues[j]);
            }
        }
        double[] beta = base.betaStar();
        double nb = norm(beta);
        for (int j = 0; j < k; j++) {
            beta[j] *= betaNorm / nb;
        }
        return FactorModel.of(Mat.mult(us, o), beta, base.sigmaNu2());
    }

    private static double tailSlope(List<Row> rows, String sweep, boolean inD) {
        List<Row> rs = rows.stream().filter(r -> r.sweep.equals(sweep)).toList();
        rs = rs.subList(rs.size() - 4, rs.size());
        return LogLogSlope.fit(rs.stream().mapToDouble(r -> inD ? r.dd : r.sigmaMin).toArray(),
                rs.stream().mapToDouble(r -> r.term).toArray());
    }

    private static double tailSlopePrinted(List<Row> rows, String sweep, boolean inD) {
        List<Row> rs = rows.stream().filter(r -> r.sweep.equals(sweep)).toList();
        rs = rs.subList(rs.size() - 4, rs.size());
        return LogLogSlope.fit(rs.stream().mapToDouble(r -> inD ? r.dd : r.sigmaMin).toArray(),
                rs.stream().mapToDouble(r -> (r.printed - r.sigma2 * 2) * ALPHA).toArray());
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
