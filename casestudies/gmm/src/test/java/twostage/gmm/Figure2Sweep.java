package twostage.gmm;

import twostage.check.CheckContext;
import twostage.check.Scale;

/**
 * Not a test: E||L(Z)||^2 at every digitised abscissa of Figure 2 with given Monte Carlo sizes (default 2e4, 1e5, 1e5),
 * printed beside the paper's value; arguments: fisher projection evaluation [threads] [panel prefix, e.g. "(c)"].
 */
public final class Figure2Sweep {

    public static void main(String[] args) {
        int nf = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int np = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int ne = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        CheckContext ctx = CheckContext.of(Scale.PAPER, 0L, threads, CheckContext.Progress.NONE);
        String only = args.length > 4 ? args[4] : "(";
        for (PaperFigures.Point p : PaperFigures.select("Figure 2", only, null)) {
            String panel = p.panel().substring(0, 3);
            int k = panel.equals("(a)") ? (int) Math.round(p.x()) : 4;
            int d = panel.equals("(a)") ? 30 : panel.equals("(b)") ? (int) Math.round(p.x()) : 20;
            double beta = panel.equals("(c)") ? p.x() : 2.0;
            long t0 = System.nanoTime();
            InteractionLimit lim = InteractionLimit.compute(MixtureInstance.paper(k, d, beta, 0.25),
                    new InteractionLimit.Sizes(nf, np, ne), ctx, "sweep " + p.panel() + " " + p.x());
            System.out.printf(java.util.Locale.ROOT, "%s\t%.5g\t%.6g\t%.2g\t%.6g\t%.3g\t%.1fs%n", panel, p.x(),
                    lim.meanSquare(), lim.standardError(), p.y(), p.y() / lim.meanSquare(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
