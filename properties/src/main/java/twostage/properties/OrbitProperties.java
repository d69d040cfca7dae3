package twostage.properties;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.DescriptorManifold;
import twostage.engine.DownstreamModel;
import twostage.engine.Representation;
import twostage.engine.SymmetryGroup;
import twostage.engine.TwoStageProblem;
import twostage.linalg.Mat;
import twostage.ls.MinNormOls;
import twostage.ls.RiskDecomposition;
import twostage.ls.RiskParts;
import twostage.random.Rng;

/**
 * The symmetry properties of Section 4 as functions of one random draw. Each returns a violation measured in units
 * of its tolerance (at most 1 means the property held on that draw); tolerances are 1e-9 relative to the size of
 * the compared quantities, times the square root of their dimension.
 */
public final class OrbitProperties {

    static final double REL = 1e-9;

    private OrbitProperties() {
    }

    static double rel(double diff, double scale, int dim) {
        return diff / (REL * Math.sqrt(Math.max(1, dim)) * Math.max(1.0, scale));
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** D(g.w) = D(w): the descriptor is constant on orbits (Assumption E.1 (a)). */
    public static <G> double descriptorInvariance(Subject<G> s, DescriptorManifold d, Rng rng) {
        SymmetryGroup<G> grp = s.problem().group();
        double[] w = s.draw(rng);
        G g = grp.random(rng);
        double[] a = d.descriptor(w);
        double[] b = d.descriptor(grp.act(g, w));
        return rel(dist(a, b), norm(a), a.length);
    }

    /**
     * Local separation (Assumption E.1 (b)), through the section: w and s(D(w)) lie on one orbit, seen as equal Gram
     * matrices of their features on a random sample (psi(x, g.w) = rho(g) psi(x, w) leaves Psi Psi^T unchanged).
     */
    public static <G> double sectionOnOrbit(Subject<G> s, Rng rng) {
        TwoStageProblem<G> p = s.problem();
        double[] w = s.draw(rng);
        double[] sec = p.descriptor().section(p.descriptor().descriptor(w));
        DMatrixRMaj x = p.downstream().sampleInputs(6, rng);
        DMatrixRMaj a = p.representation().features(w, x);
        DMatrixRMaj b = p.representation().features(sec, x);
        DMatrixRMaj ga = Mat.multTransB(a, a);
        DMatrixRMaj gb = Mat.multTransB(b, b);
        return Mat.dist(ga, gb) / (1e-7 * Math.max(1, Mat.frob(ga)));
    }

    /** l(g.w; z) = l(w; z) on single samples and on an empirical average of m samples (4.1). */
    public static <G> double lossInvariance(Subject<G> s, Rng rng) {
        TwoStageProblem<G> p = s.problem();
        SymmetryGroup<G> grp = p.group();
        double[] w = s.draw(rng);
        double[] gw = grp.act(grp.random(rng), w);
        double worst = 0;
        double sumA = 0;
        double sumB = 0;
        int m = 16;
        for (int j = 0; j < m; j++) {
            double[] z = p.pretraining().sample(rng);
            double a = p.pretraining().loss(w, z);
            double b = p.pretraining().loss(gw, z);
            worst = Math.max(worst, rel(Math.abs(a - b), Math.abs(a), 1));
            sumA += a;
            sumB += b;
        }
        return Math.max(worst, rel(Math.abs(sumA - sumB) / m, Math.abs(sumA) / m, 1));
    }

    /** psi(x, g.w) = rho(g) psi(x, w), rho(g) orthogonal, rho(g1 g2) = rho(g1) rho(g2) (4.3). */
    public static <G> double equivariance(Subject<G> s, Rng rng) {
        TwoStageProblem<G> p = s.problem();
        SymmetryGroup<G> grp = p.group();
        Representation rep = p.representation();
        double[] w = s.draw(rng);
        G g1 = grp.random(rng);
        G g2 = grp.random(rng);
        DMatrixRMaj x = p.downstream().sampleInputs(5, rng);
        DMatrixRMaj psi = rep.features(w, x);
        DMatrixRMaj psiG = rep.features(grp.act(g1, w), x);
        DMatrixRMaj r1 = grp.rho(g1);
        int q = r1.numRows;
        double eq = rel(Mat.dist(psiG, Mat.multTransB(psi, r1)), Mat.frob(psi), psi.getNumElements());
        double orth = rel(Mat.dist(Mat.multTransA(r1, r1), Mat.identity(q)), 1, q * q);
        double hom = rel(Mat.dist(grp.rho(grp.compose(g1, g2)), Mat.mult(r1, grp.rho(g2))), 1, q * q);
        double act = rel(dist(grp.act(grp.compose(g1, g2), w), grp.act(g1, grp.act(g2, w))), norm(w), w.length);
        return Math.max(Math.max(eq, orth), Math.max(hom, act));
    }

    /**
     * Lemma 4.1: the min-norm OLS predictor at g.w equals the one at w, on designs that are rank deficient as often as
     * possible (n below p, or duplicated rows); compared on fresh inputs.
     */
    public static <G> double minNormInvariance(Subject<G> s, Representation rep, Rng rng) {
        TwoStageProblem<G> p = s.problem();
        SymmetryGroup<G> grp = p.group();
        DownstreamModel down = p.downstream();
        double[] w = s.draw(rng);
        double[] gw = grp.act(grp.random(rng), w);
        int pdim = rep.featureDimension();
        int n = rng.nextInt(1, Math.max(1, pdim + 2));
        DMatrixRMaj x = down.sampleInputs(n, rng);
        if (n > 1 && rng.nextDouble() < 0.5) {
            for (int j = 0; j < x.numCols; j++) {
                x.set(n - 1, j, x.get(0, j)); // a duplicated row
            }
        }
        double[] y = down.target(x);
        for (int i = 0; i < n; i++) {
            y[i] += Math.sqrt(Math.max(down.noiseVariance(), 1e-2)) * rng.gaussian();
        }
        DMatrixRMaj fresh = down.sampleInputs(7, rng);
        DMatrixRMaj a = predictions(rep, w, x, y, fresh);
        DMatrixRMaj b = predictions(rep, gw, x, y, fresh);
        return rel(Mat.dist(a, b), Mat.frob(a), a.getNumElements()) / 100; // pinv of a rank-deficient design: 1e-7
    }

    static DMatrixRMaj predictions(Representation rep, double[] w, DMatrixRMaj x, double[] y, DMatrixRMaj fresh) {
        return Mat.col(MinNormOls.fit(rep.features(w, x), y).predict(rep.features(w, fresh)));
    }

    /** The whole pipeline: replacing the pre-trained representative w_hat by g.w_hat changes no part of E_{m,n}. */
    public static <G> double pipelineInvariance(Subject<G> s, Rng rng) {
        TwoStageProblem<G> p = s.problem();
        SymmetryGroup<G> grp = p.group();
        DownstreamModel down = p.downstream();
        double[] w = p.pretraining().estimate(200, rng);
        double[] gw = grp.act(grp.random(rng), w);
        int n = rng.nextInt(Math.max(2, p.representation().featureDimension()), 40);
        DMatrixRMaj x = down.sampleInputs(n, rng);
        RiskParts a = parts(p, w, x, n);
        RiskParts b = parts(p, gw, x, n);
        double scale = Math.max(1, a.excess());
        return Math.max(rel(Math.abs(a.rep() - b.rep()), scale, 1), Math.max(rel(Math.abs(a.leak() - b.leak()), scale, 1),
                rel(Math.abs(a.var() - b.var()), scale, 1))) / 100;
    }

    static RiskParts parts(TwoStageProblem<?> p, double[] w, DMatrixRMaj x, int n) {
        DownstreamModel down = p.downstream();
        return RiskDecomposition.of(down.moments(w), p.representation().features(w, x), down.target(x),
                down.noiseVariance()).times(n);
    }
}
