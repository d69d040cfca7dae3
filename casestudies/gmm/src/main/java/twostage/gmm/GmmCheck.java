package twostage.gmm;

import twostage.check.Check;

/** Common identity of the mixture checks (module casestudies/gmm). */
abstract class GmmCheck implements Check {

    @Override
    public final String module() {
        return "casestudies/gmm";
    }

    /** A random mixture in R^d with K centres N(0, s^2 I) (distinct a.s.) and random unit-norm theta*. */
    static MixtureInstance randomInstance(int k, int d, double spread, double sigma2, twostage.random.Rng rng) {
        double[] u = new double[k * d];
        for (int j = 0; j < u.length; j++) {
            u[j] = spread * rng.gaussian();
        }
        double[] t = rng.gaussians(k * (d + 1));
        double n = Slopes.norm(t);
        for (int j = 0; j < t.length; j++) {
            t[j] /= n;
        }
        return MixtureInstance.of(MixtureModel.of(k, d, u), t, sigma2);
    }

    static double[] gaussianDirection(int q, twostage.random.Rng rng) {
        double[] v = rng.gaussians(q);
        double n = Slopes.norm(v);
        for (int j = 0; j < q; j++) {
            v[j] /= n;
        }
        return v;
    }
}
