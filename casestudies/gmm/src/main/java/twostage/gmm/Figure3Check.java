package twostage.gmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import twostage.check.CheckContext;
import twostage.check.FalseAlarm;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;

/**
 * Figure 3 (p. 13; setup pp. 111-112): empirical CDFs of n(R - sigma^2), of n Rep (pre-training) and of the scaled
 * variance term at K = 4, d = 20, beta = 2, alpha = 2, against sigma^2 d_eff + alpha^-1 ||L(Z)||^2,
 * alpha^-1 ||L(Z)||^2 and sigma^2 d_eff. For each panel, each displayed n we also simulate and the limit, the paper's
 * digitised quartiles q_p (p = 0.25, 0.5, 0.75) are compared with ours through our ECDF: |F_ours(q_p) - p| <= z
 * sqrt(p(1-p)/N_ours + p(1-p)/1000 + e_p^2), z the suite's two-sided threshold (both curves are ECDFs of independent
 * samples; reading error of 0.01 abscissa units is negligible against this). For panels (a) and (c) e_p = f(q_p)
 * sqrt(s_ours^2 + s_paper^2) carries the evaluation-sample error of the variance term, a common shift of all
 * repetitions of one run (s = sigma^2 sd(psi^T Sigma^-1 psi) / sqrt(N_eval), {@link TwoStageReplication#varianceTermSpread},
 * N_eval = ours and the paper's 2e5), converted to probability units by our density f at the p-quantile
 * (Siddiqui's difference-quotient estimate, half-width 0.05 in probability). At paper scale the combined shift SD
 * (measured 0.009) is comparable to the variance term's interquartile range at n = 1e5 (0.012), so without it the
 * comparison would test the evaluation samples, not the figure. Where z times the SE reaches max(p, 1 - p) no ECDF
 * value could fail, and the comparison is recorded as information marked NOT RESOLVABLE instead of as evidence. The pre-training term's evaluation error is
 * relative, O(N_eval^-1/2) of n Rep, and is not added.
 * sigma^2 = 0.25 is read off panel (c) (the limit jump sits at 4.0 = 16 sigma^2).
 */
public abstract class Figure3Check extends GmmCheck {

    private final int panelIndex;

    Figure3Check(int panelIndex) {
        this.panelIndex = panelIndex;
    }

    /** Panel (a): total scaled excess risk. */
    public static final class Total extends Figure3Check {
        public Total() {
            super(0);
        }
    }

    /** Panel (b): pre-training component n Rep. */
    public static final class Pretraining extends Figure3Check {
        public Pretraining() {
            super(1);
        }
    }

    /** Panel (c): scaled variance term. */
    public static final class Variance extends Figure3Check {
        public Variance() {
            super(2);
        }
    }

    private static final String[] PANELS = {"(a) total", "(b) pre-training", "(c) variance"};

    @Override public String claimId() { return "Proposition 6.6"; }
    @Override public String name() {
        return "Figure 3 " + PANELS[panelIndex] + ": finite-sample CDFs vs the limit";
    }
    @Override public String statement() {
        return "Figure 3: as n grows with m/n = 2, the ECDFs of n(R - sigma^2), n Rep and the scaled variance move towards "
                + "sigma^2 d_eff + alpha^-1||L(Z)||^2, alpha^-1||L(Z)||^2 and sigma^2 d_eff.";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        FiniteSampleStudy.Result s = FiniteSampleStudy.get(ctx);
        double[] limitTotal = FiniteSampleStudy.shifted(s.limitPre(), s.sigma2Deff());
        res.add(Evidence.info("E||L(Z)||^2 (limit ingredients)", s.limit().meanSquare(), s.limit().standardError(),
                "K=4 d=20 beta=2; sigma^2 d_eff = " + s.sigma2Deff()));
        String[] panels = PANELS;
        String medianNote = "";
        boolean withEvaluationShift = panelIndex != 1;
        double shiftSd = Math.hypot(s.varianceEvaluationSd(), s.paperVarianceEvaluationSd());
        if (withEvaluationShift) {
            res.add(Evidence.info("evaluation-sample SE of the variance term (common shift of all repetitions)",
                    s.varianceEvaluationSd(), String.format(Locale.ROOT, "ours, N_eval=%d; the paper's (N_eval=%d, "
                    + "assumed shared by its repetitions): %.3g; combined %.3g", s.evaluationSize(),
                    FiniteSampleStudy.PAPER_EVALUATION_SIZE, s.paperVarianceEvaluationSd(), shiftSd)));
        }
        for (int pi = panelIndex; pi == panelIndex; pi++) {
            List<Charts.Series> series = new ArrayList<>();
            for (int i = 0; i < s.ns().length; i++) {
                double[] sample = pi == 0 ? s.total()[i] : pi == 1 ? s.pre()[i] : s.var()[i];
                series.add(ecdfSeries("ours n=" + s.ns()[i], sample));
                String paperSeries = "n=" + s.ns()[i];
                List<PaperFigures.Point> pts = PaperFigures.select("Figure 3", panels[pi], paperSeries);
                for (PaperFigures.Point p : pts) {
                    if (p.x() != 0.25 && p.x() != 0.5 && p.x() != 0.75) {
                        continue;
                    }
                    if (p.x() == 0.5) {
                        medianNote = String.format(Locale.ROOT, "Figure 3 %s at n=%d: our median %.4g, the paper's %.4g "
                                + "(ratio %.3g)", panels[pi], s.ns()[i], quantile(sample, 0.5), p.y(),
                                p.y() / quantile(sample, 0.5));
                    }
                    double f = FiniteSampleStudy.ecdf(sample, p.y());
                    double shift = withEvaluationShift ? density(sample, p.x()) * shiftSd : 0;
                    double se = Math.sqrt(p.x() * (1 - p.x()) * (1.0 / sample.length + 1.0 / 1000) + shift * shift);
                    String quantity = String.format(Locale.ROOT, "Figure 3 %s n=%d: our ECDF at the paper's %.2f-quantile"
                            + " %.4g", panels[pi], s.ns()[i], p.x(), p.y());
                    String note = String.format(Locale.ROOT, "our %.2f-quantile %.4g; %d repetitions; evaluation-shift"
                            + " part of the SE %.3g", p.x(), quantile(sample, p.x()), sample.length, shift);
                    if (FalseAlarm.Z * se >= Math.max(p.x(), 1 - p.x())) {
                        // every ECDF value in [0, 1] would be accepted: a comparison that cannot fail is no evidence
                        res.add(Evidence.info(quantity, f, se, note + "; NOT RESOLVABLE: the evaluation samples' "
                                + "shift alone allows any ECDF value (z SE >= " + Math.max(p.x(), 1 - p.x()) + ")"));
                    } else {
                        res.add(Evidence.withinSE(quantity, Role.CLAIM, f, p.x(), se, FalseAlarm.Z, note));
                    }
                }
                List<PaperFigures.Point> all = PaperFigures.select("Figure 3", panels[pi], paperSeries);
                if (!all.isEmpty()) {
                    series.add(new Charts.Series("paper n=" + s.ns()[i], all.stream().mapToDouble(PaperFigures.Point::y).toArray(),
                            all.stream().mapToDouble(PaperFigures.Point::x).toArray(), false, true));
                }
            }
            if (pi < 2) {
                series.add(ecdfSeries("our limit", pi == 0 ? limitTotal : s.limitPre()));
                List<PaperFigures.Point> lim = PaperFigures.select("Figure 3", panels[pi], "limit");
                series.add(new Charts.Series("paper limit", lim.stream().mapToDouble(PaperFigures.Point::y).toArray(),
                        lim.stream().mapToDouble(PaperFigures.Point::x).toArray(), false, true));
                // the limit itself vs the paper's dashed curve
                for (PaperFigures.Point p : lim) {
                    if (p.x() == 0.5) {
                        twostage.chisq.ShiftedWeightedChiSquare law = pi == 0 ? s.totalLaw() : s.preLaw();
                        double f = law.cdf(p.y());
                        res.add(Evidence.withinSE("Figure 3 " + panels[pi] + ": our exact limit CDF at the paper's limit "
                                + "median " + p.y(), Role.CLAIM, f, 0.5, Math.sqrt(0.25 / 20_000), FalseAlarm.Z,
                                "our limit median " + law.quantile(0.5) + " (exact); the paper's limit curve is a"
                                + " 2e4-draw Monte Carlo CDF, whose SE is used"));
                    }
                }
            }
            res.attach(Attachment.png("figure3" + panels[pi].charAt(1) + ".png", Charts.png("Figure 3 " + panels[pi],
                    "value", "CDF", false, false, series)));
        }
        int last = s.ns().length - 1;
        if (panelIndex == 1) {
            twostage.stats.KolmogorovSmirnov ks = twostage.stats.KolmogorovSmirnov.oneSample(s.pre()[last], s.preLaw()::cdf);
            res.add(Evidence.notRejected("Figure 3 (b): KS of n Rep at n=" + s.ns()[last] + " against the exact limit "
                    + "alpha^-1||L(Z)||^2", Role.CLAIM, ks.statistic(), ks.pValue(), FalseAlarm.ALPHA, s.reps() + " repetitions"));
            twostage.chisq.ShiftedWeightedChiSquare wrong = twostage.chisq.WeightedChiSquare.of(
                    s.preLaw().base().weights()).shifted(0.0, FiniteSampleStudy.ALPHA);
            twostage.stats.KolmogorovSmirnov kw = twostage.stats.KolmogorovSmirnov.oneSample(s.pre()[last], wrong::cdf);
            res.add(Evidence.plantedErrorCaught("limit scaled by alpha instead of alpha^-1",
                    Evidence.notRejected("KS of n Rep against the planted law", Role.CONTROL, kw.statistic(), kw.pValue(),
                            FalseAlarm.ALPHA, "")));
        }
        if (panelIndex == 0) {
            twostage.stats.KolmogorovSmirnov kt = twostage.stats.KolmogorovSmirnov.oneSample(s.total()[last], s.totalLaw()::cdf);
            res.add(Evidence.info("Figure 3 (a): KS distance of n(R - sigma^2) at n=" + s.ns()[last] + " to the exact limit",
                    kt.statistic(), "p = " + kt.pValue() + "; the total is dominated at small n by the O(n^-1/2) spread of the "
                    + "variance term around sigma^2 d_eff, which is wider than the limit's alpha^-1||L(Z)||^2 spread here"));
            twostage.chisq.ShiftedWeightedChiSquare wrong = s.totalLaw().base().shifted(s.sigma2Deff() * 17.0 / 16.0,
                    1 / FiniteSampleStudy.ALPHA);
            double fr = wrong.cdf(quantile(s.total()[last], 0.5));
            res.add(Evidence.plantedErrorCaught("d_eff = 17 in the limit of the total",
                    Evidence.withinSE("exact planted-limit CDF at our median of the total", Role.CONTROL, fr, 0.5,
                            Math.sqrt(0.25 / s.reps()), FalseAlarm.Z, "")));
        }
        if (panelIndex == 2) {
            double first = Math.abs(quantile(s.var()[0], 0.5) - s.sigma2Deff());
            double lastGap = Math.abs(quantile(s.var()[last], 0.5) - s.sigma2Deff());
            res.add(Evidence.atMost("Figure 3 (c): |median of the variance term - sigma^2 d_eff| at n=" + s.ns()[last],
                    Role.CLAIM, lastGap, first, "must be below its value at n=" + s.ns()[0]));
            double wrongGap = Math.abs(quantile(s.var()[last], 0.5) - s.sigma2Deff() * 17.0 / 16.0);
            res.add(Evidence.plantedErrorCaught("d_eff = K(r*+1) + 1 = 17",
                    Evidence.zero("Figure 3 (c): |median - sigma^2 17| at n=" + s.ns()[last], Role.CONTROL, wrongGap,
                            0.5 * s.sigma2Deff() / 16, "tolerance half a degree of freedom")));
        }
        res.discrepancyNote(medianNote);
        return res.build();
    }

    static Charts.Series ecdfSeries(String name, double[] sample) {
        double[] x = sample.clone();
        java.util.Arrays.sort(x);
        int step = Math.max(1, x.length / 200);
        int m = (x.length + step - 1) / step;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0, j = 0; i < x.length; i += step, j++) {
            xs[j] = x[i];
            ys[j] = (i + 1) / (double) x.length;
        }
        return new Charts.Series(name, xs, ys, true, false);
    }

    /**
     * Siddiqui's estimate of the density at the p-quantile: 2h / (Q(p + h) - Q(p - h)), h = 0.05, from order
     * statistics (requires 0.05 <= p <= 0.95).
     */
    static double density(double[] sample, double p) {
        double h = 0.05;
        double gap = quantile(sample, p + h) - quantile(sample, p - h);
        if (!(gap > 0)) {
            throw new IllegalStateException("tied order statistics around the " + p + "-quantile: no density estimate");
        }
        return 2 * h / gap;
    }

    static double quantile(double[] sample, double p) {
        double[] x = sample.clone();
        java.util.Arrays.sort(x);
        return x[Math.min(x.length - 1, (int) Math.floor(p * x.length))];
    }
}
