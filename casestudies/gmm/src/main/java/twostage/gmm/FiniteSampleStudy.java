package twostage.gmm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import twostage.check.CheckContext;
import twostage.random.Rng;

/**
 * Appendix K's finite-sample protocol (pp. 111-112) at K = 4, d = 20, beta = 2, alpha = 2, sigma^2 = 0.25 (read off
 * Figure 3(c)): for each n, repetitions of {@link TwoStageReplication} (EM started at the truth, tolerance 1e-6, cap
 * 1000), and the limit laws: alpha^-1 ||L(Z)||^2 exactly (weighted chi-square CDF by Imhof inversion) and, as the
 * paper, by 2e4 Gaussian draws of Z ~ N(0, V) through the weights omega (for plots), and the point mass sigma^2 d_eff. CI: n in {100, 316, 1000}, 150 repetitions, evaluation sample 2e4,
 * limit sizes (1e4, 4e4, 4e4). PAPER: n = round(geomspace(100, 1e5, 10)), 1000 repetitions, 2e5 evaluation draws, limit
 * sizes (1e5, 2e5, 2e5). One study is shared by the Figure 3 and Figure 4 checks (cached per scale and seed).
 */
final class FiniteSampleStudy {

    static final double ALPHA = 2.0;
    /** The paper's evaluation-sample size (App. K, p. 111: 2 x 10^5 samples for each evaluation). */
    static final int PAPER_EVALUATION_SIZE = 200_000;

    record Result(int[] ns, double[][] total, double[][] pre, double[][] var, double[] limitPre, double sigma2Deff,
                  InteractionLimit limit, int reps, double varianceSpread, int evaluationSize) {

        /**
         * Standard deviation of the common shift of every repetition's variance term caused by our N-draw
         * evaluation sample (see {@link TwoStageReplication#varianceTermSpread}).
         */
        double varianceEvaluationSd() {
            return varianceSpread / Math.sqrt(evaluationSize);
        }

        /**
         * The same for the paper's 2e5-draw evaluation sample, assuming (the paper does not say) that its repetitions
         * share one evaluation sample too, which is the case that moves its quantiles most.
         */
        double paperVarianceEvaluationSd() {
            return varianceSpread / Math.sqrt(PAPER_EVALUATION_SIZE);
        }

        /** The exact law of alpha^-1 ||L(Z)||^2 (Imhof inversion), weights from {@link InteractionLimit}. */
        twostage.chisq.ShiftedWeightedChiSquare preLaw() {
            return twostage.chisq.WeightedChiSquare.of(positive(limit.weights())).shifted(0.0, 1 / ALPHA);
        }

        /** The exact law of sigma^2 d_eff + alpha^-1 ||L(Z)||^2. */
        twostage.chisq.ShiftedWeightedChiSquare totalLaw() {
            return twostage.chisq.WeightedChiSquare.of(positive(limit.weights())).shifted(sigma2Deff, 1 / ALPHA);
        }
    }

    private static double[] positive(double[] w) {
        return java.util.Arrays.stream(w).filter(x -> x > 1e-12 * w[0]).toArray();
    }

    private static final Map<String, Result> CACHE = new ConcurrentHashMap<>();

    private FiniteSampleStudy() {
    }

    static Result get(CheckContext ctx) {
        return CACHE.computeIfAbsent(ctx.scale() + "/" + ctx.rootSeed(), key -> run(ctx));
    }

    static int[] paperGrid() {
        int[] ns = new int[10];
        for (int i = 0; i < 10; i++) {
            ns[i] = (int) Math.round(Math.pow(10, 2 + i / 3.0));
        }
        return ns;
    }

    private static Result run(CheckContext ctx) {
        return run(ctx, ctx.scale().pick(new int[] {100, 316, 1000}, paperGrid()), ctx.scale().pick(150, 1000),
                ctx.scale().pick(20_000, 200_000), ctx.scale().pick(new InteractionLimit.Sizes(10_000, 40_000, 40_000),
                        new InteractionLimit.Sizes(100_000, 200_000, 200_000)));
    }

    /** The study with explicit sizes (for intermediate-scale runs). */
    static Result run(CheckContext ctx, int[] ns, int reps, int eval, InteractionLimit.Sizes limitSizes) {
        MixtureInstance inst = MixtureInstance.paper(4, 20, 2.0, MixtureInstance.PAPER_SIGMA2);
        InteractionLimit lim = InteractionLimit.compute(inst, limitSizes, ctx, "Figure 3/4 limit");
        TwoStageReplication rep = TwoStageReplication.of(inst, eval, EmEstimator.of(4, 20, 1e-6, 1000, 0),
                ctx.rng("Figure 3/4 evaluation sample", 0));
        double[][] total = new double[ns.length][];
        double[][] pre = new double[ns.length][];
        double[][] var = new double[ns.length][];
        for (int i = 0; i < ns.length; i++) {
            int n = ns[i];
            List<TwoStageReplication.Outcome> out = ctx.replicate("Figure 3/4 n=" + n, reps,
                    (r, rng) -> rep.run(n, ALPHA, true, rng));
            total[i] = out.stream().mapToDouble(TwoStageReplication.Outcome::total).toArray();
            pre[i] = out.stream().mapToDouble(TwoStageReplication.Outcome::pretraining).toArray();
            var[i] = out.stream().mapToDouble(TwoStageReplication.Outcome::variance).toArray();
        }
        double[] w = lim.weights();
        Rng rng = ctx.rng("Figure 3/4 limit draws", 0);
        double[] limitPre = new double[20_000];
        for (int j = 0; j < limitPre.length; j++) {
            double s = 0;
            for (double om : w) {
                double z = rng.gaussian();
                s += om * z * z;
            }
            limitPre[j] = s / ALPHA;
        }
        double spread = rep.varianceTermSpread(inst.featuresAtTruth());
        return new Result(ns, total, pre, var, limitPre, inst.noiseVariance() * inst.effectiveDimension(), lim, reps,
                spread, eval);
    }

    /** The empirical CDF of a sample at t. */
    static double ecdf(double[] sample, double t) {
        int c = 0;
        for (double s : sample) {
            if (s <= t) {
                c++;
            }
        }
        return c / (double) sample.length;
    }

    static double[] shifted(double[] x, double c) {
        double[] y = x.clone();
        for (int j = 0; j < y.length; j++) {
            y[j] += c;
        }
        return y;
    }
}
