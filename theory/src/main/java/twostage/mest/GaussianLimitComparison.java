package twostage.mest;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.check.CheckContext;
import twostage.linalg.Vectors;
import twostage.linalg.Mat;
import twostage.stats.KolmogorovSmirnov;
import twostage.stats.MonteCarlo;

/**
 * Monte Carlo comparison of sqrt(m) log_{O*}(O_m), in tangent coordinates, with a centred Gaussian limit N(0, V)
 * (Theorems D.4 and D.7): covariance entries with their standard errors, a standardised projection
 * u^T c / sqrt(u^T V u) against N(0, 1), and the quadratic form c^T V^-1 c against chi-square(dim).
 *
 * @param m      the sample size
 * @param coords one row per replicate: sqrt(m) B^T log_{O*}(O_m)
 */
public record GaussianLimitComparison(int m, double[][] coords) {

    /** Runs {@code reps} replicates of the estimator at sample size m on the stream {@code stream}. */
    public static GaussianLimitComparison simulate(CheckContext ctx, String stream, MEstimationProblem problem, int m, int reps) {
        List<double[]> rows = ctx.replicate(stream + " m=" + m, reps, (r, rng) ->
                Vectors.scale(Math.sqrt(m), problem.tangentCoordinates(problem.estimate(m, rng))));
        return new GaussianLimitComparison(m, rows.toArray(new double[0][]));
    }

    public int dimension() {
        return coords[0].length;
    }

    /** Monte Carlo estimate of E[c_i c_j] (the limit has mean 0). */
    public MonteCarlo secondMoment(int i, int j) {
        double[] x = new double[coords.length];
        for (int r = 0; r < coords.length; r++) {
            x[r] = coords[r][i] * coords[r][j];
        }
        return MonteCarlo.of(x);
    }

    /** u^T c / sqrt(u^T V u) per replicate. */
    public double[] standardizedProjection(double[] u, DMatrixRMaj v) {
        double sd = Math.sqrt(Mat.inner(Mat.col(u), Mat.mult(v, Mat.col(u))));
        double[] s = new double[coords.length];
        for (int r = 0; r < coords.length; r++) {
            s[r] = Vectors.dot(u, coords[r]) / sd;
        }
        return s;
    }

    /** KS test of the standardised projection against N(0, 1). */
    public KolmogorovSmirnov projectionTest(double[] u, DMatrixRMaj v) {
        NormalDistribution n = NormalDistribution.of(0, 1);
        return KolmogorovSmirnov.oneSample(standardizedProjection(u, v), n::cumulativeProbability);
    }

    /** c^T V^-1 c per replicate. */
    public double[] quadraticForm(DMatrixRMaj v) {
        DMatrixRMaj vinv = new DMatrixRMaj(v.numRows, v.numCols);
        if (!CommonOps_DDRM.invertSPD(v.copy(), vinv)) {
            throw new IllegalArgumentException("limit covariance V must be positive definite");
        }
        double[] q = new double[coords.length];
        for (int r = 0; r < coords.length; r++) {
            q[r] = Mat.inner(Mat.col(coords[r]), Mat.mult(vinv, Mat.col(coords[r])));
        }
        return q;
    }

    /**
     * The four comparisons with N(0, V): E[s^2] = 1 and s ~ N(0, 1) (KS) for the standardised projection s along u;
     * E[Q] = dim and Q ~ chi-square(dim) (KS) for the quadratic form Q = c^T V^-1 c. Standard errors are Monte
     * Carlo; the z-multiplier is FalseAlarm.Z and the KS threshold FalseAlarm.ALPHA.
     */
    public java.util.List<twostage.ledger.Evidence> compare(twostage.ledger.Role role, DMatrixRMaj v, double[] u,
                                                           String label, String note) {
        String at = " at m=" + m + " [" + label + "]";
        double[] s = standardizedProjection(u, v);
        double[] s2 = new double[s.length];
        for (int r = 0; r < s.length; r++) {
            s2[r] = s[r] * s[r];
        }
        MonteCarlo ms2 = MonteCarlo.of(s2);
        KolmogorovSmirnov ks = projectionTest(u, v);
        MonteCarlo mq = MonteCarlo.of(quadraticForm(v));
        KolmogorovSmirnov kq = quadraticFormTest(v);
        String n = note + "; " + coords.length + " replicates";
        return java.util.List.of(
                twostage.ledger.Evidence.withinSE("E[(u^T c)^2 / u^T V u]" + at, role, ms2.mean(), 1, ms2.standardError(),
                        twostage.check.FalseAlarm.Z, n),
                twostage.ledger.Evidence.notRejected("KS of u^T c / sqrt(u^T V u) vs N(0,1)" + at, role, ks.statistic(),
                        ks.pValue(), twostage.check.FalseAlarm.ALPHA, n),
                twostage.ledger.Evidence.withinSE("E[c^T V^-1 c] vs dim=" + dimension() + at, role, mq.mean(), dimension(),
                        mq.standardError(), twostage.check.FalseAlarm.Z, n),
                twostage.ledger.Evidence.notRejected("KS of c^T V^-1 c vs chi-square(" + dimension() + ")" + at, role,
                        kq.statistic(), kq.pValue(), twostage.check.FalseAlarm.ALPHA, n));
    }

    /** Relative Frobenius error of the Monte Carlo second-moment matrix against V. */
    public double relativeCovarianceError(DMatrixRMaj v) {
        DMatrixRMaj c = new DMatrixRMaj(dimension(), dimension());
        for (int i = 0; i < dimension(); i++) {
            for (int j = 0; j < dimension(); j++) {
                c.set(i, j, secondMoment(i, j).mean());
            }
        }
        return Mat.dist(c, v) / Mat.frob(v);
    }

    /** KS test of the quadratic form against chi-square(dim). */
    public KolmogorovSmirnov quadraticFormTest(DMatrixRMaj v) {
        ChiSquaredDistribution c = ChiSquaredDistribution.of(dimension());
        return KolmogorovSmirnov.oneSample(quadraticForm(v), c::cumulativeProbability);
    }
}
