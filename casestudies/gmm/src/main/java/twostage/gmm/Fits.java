package twostage.gmm;

import java.util.function.DoubleFunction;
import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/** Least-squares descriptive fits (Appendix K's trend summaries) and their R^2. */
final class Fits {

    private Fits() {
    }

    /**
     * R^2 of the least-squares fit y ~ basis(x) (or log y ~ basis(x) when {@code logY}, which with basis (1, log x) is
     * the power law C x^a).
     */
    static double rSquared(double[] x, double[] y, DoubleFunction<double[]> basis, boolean logY) {
        int n = x.length;
        int k = basis.apply(x[0]).length;
        DMatrixRMaj a = new DMatrixRMaj(n, k);
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double[] row = basis.apply(x[i]);
            for (int j = 0; j < k; j++) {
                a.set(i, j, row[j]);
            }
            double t = logY ? Math.log(y[i]) : y[i];
            b.set(i, 0, t);
            mean += t / n;
        }
        DMatrixRMaj coef = Mat.mult(PseudoInverse.pinv(a), b);
        DMatrixRMaj fit = Mat.mult(a, coef);
        double ssr = 0;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            ssr += Math.pow(b.get(i, 0) - fit.get(i, 0), 2);
            sst += Math.pow(b.get(i, 0) - mean, 2);
        }
        return 1 - ssr / sst;
    }
}
