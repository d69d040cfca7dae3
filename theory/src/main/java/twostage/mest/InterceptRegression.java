package twostage.mest;

import twostage.engine.DescriptorManifold;
import twostage.geometry.EuclideanManifold;
import twostage.linalg.Checks;

/**
 * A Euclidean regression M-estimation problem with an intercept: a draw is z = (x_1..x_{p-1}, y) and the
 * covariate vector is x = (1, x_1..x_{p-1}); the parameter lives in R^p (flat manifold).
 */
abstract class InterceptRegression implements MEstimationProblem {

    /** The true coefficients (intercept first). */
    protected final double[] coef;
    /** p, the number of coefficients. */
    protected final int p;

    protected InterceptRegression(String name, double[] coef) {
        if (coef == null || coef.length < 2) {
            throw new IllegalArgumentException(name + " needs an intercept and at least one slope");
        }
        Checks.requireFinite(name + " coefficients", coef);
        this.coef = coef.clone();
        this.p = coef.length;
    }

    @Override
    public final DescriptorManifold manifold() {
        return EuclideanManifold.of(p);
    }

    @Override
    public final double[] truth() {
        return coef.clone();
    }

    /** x = (1, z_1..z_{p-1}). */
    protected final double[] covariates(double[] z) {
        double[] x = new double[p];
        x[0] = 1;
        System.arraycopy(z, 0, x, 1, p - 1);
        return x;
    }
}
