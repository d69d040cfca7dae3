package twostage.gmm;

import twostage.check.CheckContext;
import twostage.check.Scale;
import twostage.stats.KolmogorovSmirnov;

/**
 * Not a test: Appendix K's Figure 3/4 protocol on the full n grid with given repetitions and evaluation-sample size;
 * prints D_tot, D_pre, p_var and the medians per n beside the paper's Figure 4 markers. Arguments: reps eval [threads].
 */
public final class Figure34Sweep {

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int eval = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        CheckContext ctx = CheckContext.of(Scale.PAPER, 0L, threads, CheckContext.Progress.NONE);
        long t0 = System.nanoTime();
        FiniteSampleStudy.Result s = FiniteSampleStudy.run(ctx, FiniteSampleStudy.paperGrid(), reps, eval,
                new InteractionLimit.Sizes(100_000, 200_000, 200_000));
        System.out.printf("E||L(Z)||^2 = %.5g (SE %.2g); %d reps, eval %d, %.1f s%n", s.limit().meanSquare(),
                s.limit().standardError(), reps, eval, (System.nanoTime() - t0) / 1e9);
        System.out.println("n\tD_tot\tD_pre\tp_var\tmedian_total\tmedian_pre\tmedian_var");
        for (int i = 0; i < s.ns().length; i++) {
            double dt = KolmogorovSmirnov.oneSample(s.total()[i], s.totalLaw()::cdf).statistic();
            double dp = KolmogorovSmirnov.oneSample(s.pre()[i], s.preLaw()::cdf).statistic();
            int c = 0;
            for (double v : s.var()[i]) {
                if (Math.abs(v - s.sigma2Deff()) > 0.05 * s.sigma2Deff()) {
                    c++;
                }
            }
            System.out.printf(java.util.Locale.ROOT, "%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.5f\t%.4f%n", s.ns()[i], dt, dp,
                    c / (double) reps, Figure3Check.quantile(s.total()[i], 0.5), Figure3Check.quantile(s.pre()[i], 0.5),
                    Figure3Check.quantile(s.var()[i], 0.5));
        }
    }
}
