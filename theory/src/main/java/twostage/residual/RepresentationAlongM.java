package twostage.residual;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.engine.TwoStageProblem;
import twostage.linalg.Mat;

/**
 * Simulated representation-term quantities of a toy instance along a grid of pre-training sizes m (Appendix G.2.3):
 * per replication, w_m = estimate(m) from the toy's pre-training model, v_m = log_{Omega*}(Omega_m) = w_m - w*
 * (flat chart), Z_m = sqrt(m) v_m, and
 * <ul>
 *   <li>m Rep(Omega_m) (Proposition G.6);</li>
 *   <li>||L(Z_m)||^2 = m ||L(v_m)||^2;</li>
 *   <li>sqrt(m) ||e_{Omega_m} - lScale * L(v_m)|| (Lemma G.10; lScale != 1 is a planted error).</li>
 * </ul>
 *
 * @param m         the pre-training size
 * @param mRep      m Rep(Omega_m), one per replication
 * @param lz2       ||L(Z_m)||^2
 * @param remainder sqrt(m) ||e - lScale L(v_m)||
 */
public record RepresentationAlongM(int m, double[] mRep, double[] lz2, double[] remainder) {

    public static RepresentationAlongM simulate(TwoStageProblem<?> toy, ResidualMap r, int m, int reps,
                                                double lScale, CheckContext ctx, String stream) {
        double[] truth = toy.pretraining().truth();
        List<double[]> rows = ctx.replicate(stream + "/m=" + m, reps, (rep, rng) -> {
            double[] w = toy.pretraining().estimate(m, rng);
            double[] v = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                v[i] = w[i] - truth[i];
            }
            DMatrixRMaj e = r.residual(v);
            DMatrixRMaj l = r.linear(v);
            double ne = r.space().norm(e);
            double nl = r.space().norm(l);
            double rem = r.space().norm(Mat.sub(e, Mat.scale(lScale, l)));
            return new double[] {m * ne * ne, m * nl * nl, Math.sqrt(m) * rem};
        });
        return new RepresentationAlongM(m, rows.stream().mapToDouble(a -> a[0]).toArray(),
                rows.stream().mapToDouble(a -> a[1]).toArray(), rows.stream().mapToDouble(a -> a[2]).toArray());
    }

    /** The q-quantile (0 < q < 1) of a sample, by the order statistic at floor(q n). */
    public static double quantile(double[] x, double q) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(q * s.length))];
    }

    /** |m Rep - ||L(Z_m)||^2| per replication (Lemma G.11). */
    public double[] quadraticGap() {
        double[] g = new double[mRep.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.abs(mRep[i] - lz2[i]);
        }
        return g;
    }
}
