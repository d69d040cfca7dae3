package twostage.spectral;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import twostage.check.CheckContext;
import twostage.engine.LimitLaw;
import twostage.engine.LimitLawEngine;
import twostage.linalg.Mat;
import twostage.stats.MonteCarlo;

/**
 * Simulation of the descriptor CLT of Proposition H.10: replicates of sqrt(m) P_T(M-hat_m - M*) in the coordinates of
 * the tangent basis of {@link SpectralLimit} (P_T(M' - M*) is the first-order log proxy; its error is O(1/m), negligible
 * at the sqrt(m) scale), and the entrywise comparison of their second moments with a reference covariance.
 */
final class DescriptorClt {

    private DescriptorClt() {
    }

    /** reps x dim coordinates of sqrt(m)(M-hat - M*). */
    static double[][] simulate(SpectralModel model, SpectralLimit lim, int m, int reps, CheckContext ctx, String stream) {
        SpectralEstimator est = SpectralEstimator.of(model);
        DMatrixRMaj mStar = model.mStar();
        List<double[]> out = ctx.replicate(stream + "/m=" + m, reps,
                (r, rng) -> lim.coordinates(Mat.scale(Math.sqrt(m), Mat.sub(est.empirical(m, rng).m(), mStar))));
        return out.toArray(new double[0][]);
    }

    /**
     * Entrywise comparison of E[u_a u_b] with ref_ab: returns {max |z| over a &lt;= b, relative Frobenius distance of the
     * sample second-moment matrix to ref}. The SE of each entry is that of the replicate products u_a u_b.
     */
    static double[] compare(double[][] u, DMatrixRMaj ref) {
        int dim = ref.numRows;
        DMatrixRMaj s = new DMatrixRMaj(dim, dim);
        double maxZ = 0;
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                double[] p = new double[u.length];
                for (int r = 0; r < u.length; r++) {
                    p[r] = u[r][a] * u[r][b];
                }
                MonteCarlo mc = MonteCarlo.of(p);
                s.set(a, b, mc.mean());
                s.set(b, a, mc.mean());
                maxZ = Math.max(maxZ, Math.abs(mc.mean() - ref.get(a, b)) / mc.standardError());
            }
        }
        return new double[] {maxZ, Mat.dist(s, ref) / Mat.frob(ref)};
    }

    /** The engine's V and H expressed in the basis of {@code lim} (the engine uses the manifold's basis at D(w*)). */
    static DMatrixRMaj[] engineInBasis(SpectralModel model, SpectralLimit lim, CheckContext ctx, String stream) {
        SpectralProblem problem = SpectralProblem.of(model, "spectral");
        LimitLaw law = LimitLawEngine.compute(problem, ctx.rng(stream, 0));
        DMatrixRMaj be = problem.descriptor().tangentBasis(problem.descriptor().descriptor(problem.pretraining().truth()));
        DMatrixRMaj t = Mat.multTransA(lim.tangentBasis(), be);
        DMatrixRMaj v = Mat.mult(t, Mat.multTransB(law.covariance(), t));
        DMatrixRMaj h = Mat.mult(t, Mat.multTransB(law.hessian(), t));
        SpectralModel.symmetrise(v);
        SpectralModel.symmetrise(h);
        return new DMatrixRMaj[] {v, h};
    }
}
