package twostage.residual;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.ledger.CheckResult;
import twostage.ledger.Evidence;
import twostage.ledger.Role;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;

/**
 * Assumption G.2 (p. 52): uniformly over a neighbourhood of Omega*, E||phi||^{4+delta}, E q^{2+eta} and
 * E[e^2 q^{1+eta}] are bounded. NOT CHECKABLE as stated (a supremum over an unspecified neighbourhood with unspecified
 * constants).
 *
 * <p>Proxies (delta = eta = 0.5), on correlated Toy-NR (package twostage.toy) and a curved G-GAUSS instance (d = 5,
 * p = 3, theta* random): at Omega* and at 20 random Omega with ||v|| = 0.1, each moment is estimated from N = 4000
 * (CI) / 40000 (PAPER) Gaussian inputs and again from an independent 2N; the two must agree ({@link MomentStability}:
 * relative change below 10% or within 4.6 combined SE). EXACT proxy: for Gaussian linear features the projected
 * leverage is at most the full one, q_Omega(x) <= x^T Sigma_x^{-1} x, at every sampled x (tolerance 1e-9 relative).
 * Negative control: the same inequality against x^T (2 Sigma_x)^{-1} x must be violated.
 *
 * <p>False alarm: each stability comparison fails by noise only beyond both 10% and 4.6 combined SE (about 4e-6).
 */
public final class AssumptionG2Check extends TheoryCheck {

    public AssumptionG2Check() {
        super("Assumption G.2", "moment and leverage bounds near Omega* (proxy: MC stability, leverage inequality)",
                "There are delta, eta > 0, a neighbourhood U of Omega* and constants with sup_U E||phi||^{4+delta}, "
                        + "sup_U E q_Omega^{2+eta} and sup_U E[e_Omega^2 q_Omega^{1+eta}] finite, q_Omega = phi^T Sigma+ phi.");
    }

    /** Per-x values ||phi||^{4.5}, q^{2.5}, e^2 q^{1.5}, and the leverage gap q - x^T S^-1 x (and vs (2S)^-1). */
    static double[][] values(ResidualMap r, double[] v, int n, Rng rng) {
        FunctionSpace sp = r.space();
        DMatrixRMaj b = r.curve().features(v);
        DMatrixRMaj x = sp.sampleDesign(n, rng);
        DMatrixRMaj phi = Mat.mult(x, b);
        DMatrixRMaj sInv = PseudoInverse.pinv(sp.gram());
        DMatrixRMaj spinv = PseudoInverse.pinv(sp.gram(b, b));
        DMatrixRMaj e = Mat.mult(x, r.residual(v));
        DMatrixRMaj phiS = Mat.mult(phi, spinv);
        DMatrixRMaj xS = Mat.mult(x, sInv);
        double[][] out = new double[n][5];
        for (int i = 0; i < n; i++) {
            double q = 0;
            double nphi = 0;
            for (int j = 0; j < phi.numCols; j++) {
                q += phiS.get(i, j) * phi.get(i, j);
                nphi += phi.get(i, j) * phi.get(i, j);
            }
            double full = 0;
            for (int j = 0; j < x.numCols; j++) {
                full += xS.get(i, j) * x.get(i, j);
            }
            nphi = Math.sqrt(nphi);
            double ei = e.get(i);
            out[i] = new double[] {Math.pow(nphi, 4.5), Math.pow(Math.max(q, 0), 2.5),
                ei * ei * Math.pow(Math.max(q, 0), 1.5), (q - full) / (1 + full), (q - full / 2) / (1 + full)};
        }
        return out;
    }

    static MonteCarlo column(double[][] v, int j) {
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i][j];
        }
        return MonteCarlo.of(c);
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        CheckResult.Builder res = result(ctx);
        res.notCheckable("a supremum over an unspecified neighbourhood with unspecified constants; proxies: Monte Carlo "
                + "stability of the three moments at Omega* and 20 nearby Omega, and the exact leverage inequality");
        int n = ctx.scale().pick(4000, 40000);
        Rng rng = ctx.rng(claimId(), 0);
        List<ResidualMap> maps = List.of(ToyResiduals.nonRegularCorrelated(),
                ResidualMap.regular(Instances.curvedGaussian(rng, 5, 3, 3), Mat.col(rng.gaussians(3))));
        String[] names = {"E||phi||^4.5", "E q^2.5", "E[e^2 q^1.5]"};
        int unstable = 0;
        int compared = 0;
        double worstRel = 0;
        double[] sup = new double[3];
        double worstGap = Double.NEGATIVE_INFINITY;
        double plantedGap = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (ResidualMap r : maps) {
            List<double[]> points = new ArrayList<>();
            points.add(new double[r.curve().tangentDimension()]);
            for (int j = 0; j < 20; j++) {
                points.add(Instances.scaled(0.1, Instances.unitVector(r.curve().tangentDimension(), rng)));
            }
            for (double[] v : points) {
                double[][] a = values(r, v, n, ctx.rng(claimId() + "/mc", k));
                double[][] b = values(r, v, 2 * n, ctx.rng(claimId() + "/mc2", k));
                k++;
                for (int j = 0; j < 3; j++) {
                    MonteCarlo s1 = column(a, j);
                    MonteCarlo s2 = column(b, j);
                    if (s1.mean() == 0 && s2.mean() == 0) {
                        continue;
                    }
                    MomentStability st = MomentStability.of(s1, s2);
                    compared++;
                    unstable += st.stable() ? 0 : 1;
                    worstRel = Math.max(worstRel, st.relative());
                    sup[j] = Math.max(sup[j], s2.mean());
                }
                for (double[] row : a) {
                    worstGap = Math.max(worstGap, row[3]);
                    plantedGap = Math.max(plantedGap, row[4]);
                }
            }
        }
        res.add(Evidence.zero("unstable moment estimates (N vs 2N)", Role.CLAIM, unstable, 0,
                compared + " comparisons on correlated Toy-NR and curved G-GAUSS at Omega* and 20 Omega at radius 0.1; "
                        + "worst relative change " + worstRel));
        for (int j = 0; j < 3; j++) {
            res.add(Evidence.info("max over the points of " + names[j], sup[j], "finite-looking supremum proxy"));
        }
        res.add(Evidence.atMost("max over sampled x of (q_Omega(x) - x^T Sigma_x^-1 x)/(1 + x^T Sigma_x^-1 x)",
                Role.CLAIM, worstGap, 1e-9, "projected leverage <= full leverage"));
        res.add(Evidence.plantedErrorCaught("full leverage with 2 Sigma_x",
                Evidence.atMost("max of (q - x^T (2Sigma_x)^-1 x)/(1 + x^T Sigma_x^-1 x)", Role.CONTROL, plantedGap,
                        1e-9, "")));
        return res.build();
    }
}
