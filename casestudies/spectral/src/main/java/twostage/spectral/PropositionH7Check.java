package twostage.spectral;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.Attachment;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.linalg.SymmetricEigen;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

/**
 * Proposition H.7 (p. 76; Oliveira 2016): if n &gt;= c_0 C_X^2 (k + log(1/delta)) then P(Sigma_n &gt;= Sigma/4) &gt;= 1 - delta,
 * and on that event Col(Sigma_n) = Col(Sigma). The universal constant c_0 is unspecified, so the bound is
 * NOT_CHECKABLE as stated. Proxies (Gaussian x, C_X^2 = 3): the Monte Carlo frequency of
 * lambda_min(Sigma^+/2 Sigma_n Sigma^+/2 on Col Sigma) &gt;= 1/4 along n = 2..512 for k in {1, 2, 4, 8}, the smallest grid
 * n reaching 1 - delta (delta = 0.05) and the implied lower bound on c_0 (table attached); the frequency at the largest
 * n must be at least 1 - delta. The column-space consequence is checked exactly on every replicate inside the event with
 * a rank-deficient Sigma (x = B g in R^6, B of rank k). Negative control: adding a direction outside Col(Sigma) to
 * Sigma_n keeps Sigma_n &gt;= Sigma/4 on Col(Sigma) but breaks the column-space equality, and is caught.
 */
public final class PropositionH7Check extends SpectralCheck {

    @Override public String claimId() { return "Proposition H.7"; }
    @Override public String name() { return "lower tail of the empirical covariance (Oliveira): Monte Carlo proxy and column spaces"; }
    @Override public String statement() {
        return "If n >= c_0 C_X^2 (k + log(1/delta)) with C_X = sup_v (E<(Sigma^+)^1/2 x, v>^4)^1/2 and k = rank Sigma, then "
                + "with probability at least 1 - delta, Sigma_n >= Sigma/4, and then Col(Sigma_n) = Col(Sigma).";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        res.notCheckable("c_0 is an unspecified universal constant; proxies: Monte Carlo frequency of the event along n, the "
                + "smallest n reaching 1 - delta and the implied c_0, and the exact column-space consequence");
        int reps = ctx.scale().pick(400, 4000);
        double delta = 0.05;
        int[] grid = {2, 4, 8, 16, 32, 64, 128, 256, 512};
        StringBuilder csv = new StringBuilder("k,n,frequency\n");
        StringBuilder summary = new StringBuilder();
        double minLast = 1;
        double impliedC0 = 0;
        int colChecked = 0;
        double worstCol = 0;
        double plantedMin = Double.POSITIVE_INFINITY;
        for (int k : new int[] {1, 2, 4, 8}) {
            int d = 6 > k ? 6 : k + 2;
            Rng base = ctx.rng(claimId() + "/B", k);
            DMatrixRMaj b = RandomMatrices.ofRank(d, d, k, base);
            DMatrixRMaj sigma = Mat.multTransB(b, b);
            SymmetricEigen es = SymmetricEigen.of(sigma);
            DMatrixRMaj u = es.leading(k);
            double[] lam = es.values();
            DMatrixRMaj whiten = new DMatrixRMaj(k, d);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < d; j++) {
                    whiten.set(i, j, u.get(j, i) / Math.sqrt(lam[i]));
                }
            }
            DMatrixRMaj proj = Mat.multTransB(u, u);
            int nMin = -1;
            double last = 0;
            for (int n : grid) {
                int hits = 0;
                for (int r = 0; r < reps; r++) {
                    Rng rng = ctx.rng(claimId() + "/k=" + k + "/n=" + n, r);
                    DMatrixRMaj x = Mat.multTransB(RandomMatrices.gaussian(n, d, rng), b);
                    DMatrixRMaj sn = Mat.scale(1.0 / n, Mat.multTransA(x, x));
                    DMatrixRMaj w = Mat.mult(whiten, Mat.multTransB(sn, whiten));
                    SpectralModel.symmetrise(w);
                    boolean event = SymmetricEigen.of(w).values()[k - 1] >= 0.25;
                    if (event) {
                        hits++;
                        if (r < 50) {
                            PseudoInverse pi = PseudoInverse.of(sn, 1e-9);
                            DMatrixRMaj pn = Mat.mult(sn, pi.pinv());
                            worstCol = Math.max(worstCol, Mat.dist(pn, proj));
                            colChecked++;
                            DMatrixRMaj perp = es.trailing(k);
                            DMatrixRMaj e0 = org.ejml.dense.row.CommonOps_DDRM.extract(perp, 0, d, 0, 1);
                            DMatrixRMaj planted = Mat.add(sn, Mat.scale(0.1 * lam[0], Mat.multTransB(e0, e0)));
                            DMatrixRMaj pp = Mat.mult(planted, PseudoInverse.of(planted, 1e-9).pinv());
                            plantedMin = Math.min(plantedMin, Mat.dist(pp, proj));
                        }
                    }
                }
                double freq = hits / (double) reps;
                csv.append(k).append(',').append(n).append(',').append(freq).append('\n');
                if (nMin < 0 && freq >= 1 - delta) {
                    nMin = n;
                }
                last = freq;
            }
            minLast = Math.min(minLast, last);
            double c0 = nMin > 0 ? nMin / (3 * (k + Math.log(1 / delta))) : Double.NaN;
            impliedC0 = Math.max(impliedC0, c0);
            summary.append(String.format(Locale.ROOT, "k=%d: n_min=%d (c0 >= %.3g); ", k, nMin, c0));
        }
        res.add(Evidence.atLeast("min over k of the event frequency at n = 512", Role.CLAIM, minLast, 1 - delta,
                reps + " replicates per (k, n); " + summary));
        res.add(Evidence.info("largest implied c_0 = n_min / (C_X^2 (k + log(1/delta))) over k", impliedC0, summary.toString()));
        res.add(Evidence.atMost("max ||P_Col(Sigma_n) - P_Col(Sigma)|| inside the event", Role.CLAIM, worstCol, 1e-8,
                colChecked + " replicates inside the event, rank-deficient Sigma"));
        res.add(Evidence.plantedErrorCaught("a direction outside Col(Sigma) added to Sigma_n",
                Evidence.atMost("min ||P_Col(planted) - P_Col(Sigma)||", Role.CONTROL, plantedMin, 1e-8, "")));
        res.attach(Attachment.csv("oliveira-event-frequency.csv", csv.toString()));
        return res.build();
    }
}
