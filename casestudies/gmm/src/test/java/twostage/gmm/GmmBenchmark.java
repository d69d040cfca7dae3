package twostage.gmm;

import twostage.check.CheckContext;
import twostage.check.Scale;

/**
 * Timing harness (not a test): E||L(Z)||^2 at K = 4, d = 20, beta = 2 with Appendix K's sizes, and the cost of one
 * repetition of the Figure 3/4 protocol per n. Run with
 * {@code mvn -q -pl casestudies/gmm exec:java -Dexec.classpathScope=test -Dexec.mainClass=twostage.gmm.GmmBenchmark
 * -Dexec.args="100000 1000000 1000000"}, or from the IDE. Arguments: fisher projection evaluation [threads] [reps].
 */
public final class GmmBenchmark {

    /** CPU seconds used by this process so far (all threads). */
    static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    public static void main(String[] args) {
        int nf = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int np = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int ne = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        CheckContext ctx = CheckContext.of(Scale.PAPER, 0L, threads, CheckContext.Progress.NONE);
        MixtureInstance inst = MixtureInstance.paper(4, 20, 2.0, MixtureInstance.PAPER_SIGMA2);
        long t0 = System.nanoTime();
        double c0 = cpu();
        InteractionLimit lim = InteractionLimit.compute(inst, new InteractionLimit.Sizes(nf, np, ne), ctx, "bench");
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  (process CPU %.1f s; machine load average %.1f)%n", cpu() - c0,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("E||L(Z)||^2 = %.6g (SE eval %.2g, fisher %.2g, total %.2g), sizes %d/%d/%d, %d threads: %.1f s%n",
                lim.meanSquare(), lim.evaluationStandardError(), lim.fisherStandardError(), lim.standardError(),
                nf, np, ne, threads, sec);
        double[] w = lim.weights();
        System.out.printf("weights: top %.4g %.4g %.4g ... sum %.6g%n", w[0], w[1], w[2], java.util.Arrays.stream(w).sum());
        EmEstimator em = EmEstimator.of(4, 20, 1e-6, 1000, 0);
        long t1 = System.nanoTime();
        TwoStageReplication rep = TwoStageReplication.of(inst, 200_000, em, ctx.rng("bench/eval", 0));
        System.out.printf("evaluation sample 2e5 set-up: %.2f s%n", (System.nanoTime() - t1) / 1e9);
        for (int n : new int[] {100, 1000, 10_000, 100_000}) {
            long t2 = System.nanoTime();
            double c2 = cpu();
            int its = 0;
            for (int r = 0; r < reps; r++) {
                TwoStageReplication.Outcome o = rep.run(n, 2.0, true, ctx.rng("bench/rep" + n, r));
                its += o.emIterations();
                System.out.printf("  n=%d total %.4g pre %.4g leak %.4g var %.4g (EM its %d)%n", n, o.total(),
                        o.pretraining(), o.leakage(), o.variance(), o.emIterations());
            }
            System.out.printf("n=%d: %.3f s wall, %.3f s CPU per repetition (mean EM iterations %.1f)%n", n,
                    (System.nanoTime() - t2) / 1e9 / reps, (cpu() - c2) / reps, its / (double) reps);
        }
    }
}
