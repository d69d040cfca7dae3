package twostage.geometry;

import twostage.linalg.Vectors;

import twostage.stats.LogLogSlope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static twostage.linalg.Vectors.axpy;
import static twostage.linalg.Vectors.dot;
import static twostage.linalg.Vectors.norm;
import static twostage.linalg.Vectors.scale;

import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.testing.Property;

class FixedRankPsdGeometryTest {

    /** A random point of M_{d,k} with d in [2, 6], k in [1, d] (k = d included), eigenvalues in [1, 2]. */
    record Instance(FixedRankPsdGeometry geo, double[] m, Rng rng) {
        @Override
        public String toString() {
            return geo + " M=" + java.util.Arrays.toString(m);
        }
    }

    static Instance instance(Rng rng) {
        int d = rng.nextInt(2, 6);
        int k = rng.nextInt(1, d);
        FixedRankPsdGeometry geo = FixedRankPsdGeometry.of(d, k);
        return new Instance(geo, RandomMatrices.psdOfRank(d, k, rng).getData(), rng);
    }

    static double[] randomAmbient(int q, Rng rng) {
        return rng.gaussians(q);
    }

    static double[] unitTangent(Instance in) {
        double[] xi = in.geo().projectTangent(in.m(), randomAmbient(in.geo().ambientDimension(), in.rng()));
        double n = norm(xi);
        for (int i = 0; i < xi.length; i++) {
            xi[i] /= n;
        }
        return xi;
    }

    @Test
    void projectionIsIdempotentAndSelfAdjoint() {
        Property.forAll("rank-k PSD tangent projection", FixedRankPsdGeometryTest::instance, in -> {
            int q = in.geo().ambientDimension();
            double[] x = randomAmbient(q, in.rng());
            double[] y = randomAmbient(q, in.rng());
            double[] px = in.geo().projectTangent(in.m(), x);
            double[] ppx = in.geo().projectTangent(in.m(), px);
            assertTrue(norm(axpy(-1, px, ppx)) <= 1e-12 * q * norm(x), "P_T P_T x = P_T x");
            double lhs = dot(px, y);
            double rhs = dot(x, in.geo().projectTangent(in.m(), y));
            assertEquals(lhs, rhs, 1e-12 * q * norm(x) * norm(y), "<P x, y> = <x, P y>");
        });
    }

    @Test
    void basisIsOrthonormalAndSpansTheTangentSpace() {
        Property.forAll("rank-k PSD tangent basis", FixedRankPsdGeometryTest::instance, in -> {
            FixedRankPsdGeometry g = in.geo();
            int d = g.d();
            int k = g.k();
            DMatrixRMaj b = g.tangentBasis(in.m());
            assertEquals(d * k - k * (k - 1) / 2, b.numCols, "dim = dk - k(k-1)/2");
            assertEquals(g.dimension(), b.numCols);
            double err = Mat.dist(Mat.multTransA(b, b), Mat.identity(b.numCols));
            assertTrue(err <= 1e-12 * b.numCols, "B^T B = I, error " + err);
            // B B^T x = P_T x: B spans exactly T_M
            double[] x = randomAmbient(d * d, in.rng());
            double[] bbx = Mat.mult(b, Mat.multTransA(b, Mat.col(x))).getData();
            double[] px = g.projectTangent(in.m(), x);
            assertTrue(norm(axpy(-1, px, bbx)) <= 1e-12 * d * d * norm(x), "B B^T = P_T");
            // each basis column is symmetric and tangent
            for (int c = 0; c < b.numCols; c++) {
                double[] col = new double[d * d];
                for (int r = 0; r < d * d; r++) {
                    col[r] = b.get(r, c);
                }
                assertTrue(norm(axpy(-1, col, g.projectTangent(in.m(), col))) <= 1e-12 * d, "column tangent");
            }
        });
    }

    @Test
    void retractionStaysOnTheManifoldWithSecondOrderError() {
        Property.forAll("rank-k PSD retraction", FixedRankPsdGeometryTest::instance, in -> {
            FixedRankPsdGeometry g = in.geo();
            double[] xi = unitTangent(in);
            double[] steps = LogLogSlope.halfDecades(1e-1, 5);
            double[] err = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                double[] txi = xi.clone();
                for (int j = 0; j < txi.length; j++) {
                    txi[j] *= steps[i];
                }
                double[] r = g.retract(in.m(), txi);
                FixedRankPsdPoint p = g.point(r); // throws unless symmetric, PSD and of rank k
                assertEquals(g.k(), p.k());
                err[i] = norm(axpy(-1, axpy(1, txi, in.m()), r));
            }
            if (g.k() == g.d() || err[0] <= 1e-12) {
                // M_{d,d} is open in Sym(d), and a step along U S U^T stays in M_{d,k}: then R(xi) = M + xi exactly
                // and the error is rounding only
                assertTrue(err[0] <= 1e-12 * g.d(), "R(xi) = M + xi exactly, error " + err[0]);
                return;
            }
            double slope = LogLogSlope.fit(steps, err);
            assertTrue(Math.abs(slope - 2) <= 0.2, "R(t xi) - M - t xi = O(t^2): slope " + slope);
        });
    }

    @Test
    void retractionOfFullRankIsIdentityOnSmallSteps() {
        FixedRankPsdGeometry g = FixedRankPsdGeometry.of(3, 3);
        Rng rng = Rng.of(7);
        double[] m = RandomMatrices.psdOfRank(3, 3, rng).getData();
        double[] xi = Mat.scale(1e-2, RandomMatrices.gaussian(3, 3, rng)).getData();
        double[] xs = g.projectTangent(m, xi);
        double[] r = g.retract(m, xs);
        assertTrue(norm(axpy(-1, axpy(1, xs, m), r)) <= 1e-13, "k = d: M_{d,d} is open, R(xi) = M + xi");
    }

    /** f(M) = ||M - B||_F^2 with B symmetric; its minimiser on M_{d,k} is the top-k truncation of B. */
    record Critical(FixedRankPsdGeometry geo, double[] mStar, double[] b, Rng rng) {
        double f(double[] m) {
            double s = 0;
            for (int i = 0; i < m.length; i++) {
                s += (m[i] - b[i]) * (m[i] - b[i]);
            }
            return s;
        }

        double[] gradient(double[] m) {
            double[] g = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                g[i] = 2 * (m[i] - b[i]);
            }
            return g;
        }

        @Override
        public String toString() {
            return geo + " B=" + java.util.Arrays.toString(b);
        }
    }

    static Critical critical(Rng rng) {
        int d = rng.nextInt(2, 6);
        int k = rng.nextInt(1, d - 1);
        double[] lam = new double[d];
        for (int i = 0; i < d; i++) {
            lam[i] = i < k ? 2 + rng.nextDouble() : 2 * rng.nextDouble() - 1;
        }
        DMatrixRMaj q = RandomMatrices.haarOrthogonal(d, rng);
        double[] b = RandomMatrices.withEigenvalues(q, lam).getData();
        double[] mStar = RandomMatrices.withEigenvalues(q, java.util.Arrays.copyOf(lam, k)).getData();
        return new Critical(FixedRankPsdGeometry.of(d, k), mStar, b, rng);
    }

    static double secondDifference(Critical c, double[] m, double[] xi, double h) {
        double[] plus = c.geo().retract(m, scale(h, xi));
        double[] minus = c.geo().retract(m, scale(-h, xi));
        return (c.f(plus) - 2 * c.f(m) + c.f(minus)) / (h * h);
    }

    @Test
    void hessianMatchesSecondDerivativeAlongRetractionAtCriticalPoint() {
        UnaryOperator<double[]> hess = xi -> scale(2, xi);
        Property.forAll("CF7 Riemannian Hessian at the best rank-k approximation", FixedRankPsdGeometryTest::critical, c -> {
            FixedRankPsdGeometry g = c.geo();
            double[] grad = c.gradient(c.mStar());
            double tangentGrad = norm(g.projectTangent(c.mStar(), grad));
            assertTrue(tangentGrad <= 1e-12 * norm(grad) + 1e-13, "M* is critical: ||P_T grad|| = " + tangentGrad);
            assertTrue(norm(grad) > 1e-3, "the Euclidean gradient is not zero, so the curvature term matters");
            double[] xi = unitTangentAt(g, c.mStar(), c.rng());
            double reference = dot(xi, g.riemannianHessian(c.mStar(), grad, hess, xi));
            double fd = secondDifference(c, c.mStar(), xi, 1e-3);
            assertEquals(reference, fd, 1e-5 * Math.max(1, Math.abs(reference)), "<xi, Hess xi> vs FD");
            // negative control: the projected Euclidean Hessian alone (curvature dropped) is 2 ||xi||^2 = 2
            double wrong = dot(xi, g.projectTangent(c.mStar(), hess.apply(xi)));
            double kernelPart = Math.abs(wrong - reference);
            if (kernelPart > 1e-2) {
                assertTrue(Math.abs(wrong - fd) > 1e-4, "dropping the curvature term must be detected");
            }
            // the matrix form agrees with the operator
            FixedRankPsdPoint p = g.point(c.mStar());
            DMatrixRMaj hm = g.riemannianHessianMatrix(p, grad, hess);
            DMatrixRMaj coords = Mat.multTransA(g.tangentBasis(p), Mat.col(xi));
            double quad = Mat.inner(coords, Mat.mult(hm, coords));
            assertEquals(reference, quad, 1e-10 * Math.max(1, Math.abs(reference)));
        });
    }

    @Test
    void hessianFormulaAlsoHoldsAwayFromCriticalPoints() {
        UnaryOperator<double[]> hess = xi -> scale(2, xi);
        Property.forAll("CF7 Riemannian Hessian at a non-critical point", rng -> {
            Critical c = critical(rng);
            double[] m = RandomMatrices.psdOfRank(c.geo().d(), c.geo().k(), rng).getData();
            return new Critical(c.geo(), m, c.b(), rng);
        }, c -> {
            double[] xi = unitTangentAt(c.geo(), c.mStar(), c.rng());
            double reference = dot(xi, c.geo().riemannianHessian(c.mStar(), c.gradient(c.mStar()), hess, xi));
            double fd = secondDifference(c, c.mStar(), xi, 1e-3);
            assertEquals(reference, fd, 1e-5 * Math.max(1, Math.abs(reference)), "<xi, Hess xi> vs FD");
        });
    }

    @Test
    void droppingTheCurvatureTermIsDetectedInTheMixedDirection() {
        // a direction U K^T + K U^T always feels the curvature term: with B = diag(3, -0.5), k = 1, Hess = 2 (1 - b2/b1)
        FixedRankPsdGeometry g = FixedRankPsdGeometry.of(2, 1);
        Critical c = new Critical(g, new double[] {3, 0, 0, 0}, new double[] {3, 0, 0, -0.5}, Rng.of(1));
        double[] xi = {0, Math.sqrt(0.5), Math.sqrt(0.5), 0};
        UnaryOperator<double[]> hess = x -> scale(2, x);
        double[] grad = c.gradient(c.mStar());
        double reference = dot(xi, g.riemannianHessian(c.mStar(), grad, hess, xi));
        double fd = secondDifference(c, c.mStar(), xi, 1e-3);
        assertEquals(2 * (1 + 0.5 / 3), reference, 1e-12, "closed form 2 (1 - b2/b1)");
        assertEquals(reference, fd, 1e-5);
        double wrong = dot(xi, g.projectTangent(c.mStar(), hess.apply(xi)));
        assertTrue(Math.abs(wrong - fd) > 0.1, "Euclidean Hessian alone is off by " + Math.abs(wrong - fd));
    }

    static double[] unitTangentAt(FixedRankPsdGeometry g, double[] m, Rng rng) {
        double[] xi = g.projectTangent(m, rng.gaussians(g.ambientDimension()));
        return scale(1 / norm(xi), xi);
    }

    @Test
    void logProxyInvertsRetractionToFirstOrder() {
        Property.forAll("rank-k PSD log proxy", FixedRankPsdGeometryTest::instance, in -> {
            FixedRankPsdGeometry g = in.geo();
            double[] xi = unitTangent(in);
            double[] steps = LogLogSlope.halfDecades(1e-1, 5);
            double[] err = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                double[] txi = scale(steps[i], xi);
                double[] lg = g.log(in.m(), g.retract(in.m(), txi));
                err[i] = norm(axpy(-1, txi, lg)) + 1e-300;
            }
            // P_T(R(xi) - M) - xi is second order (often smaller: third order for a metric projection)
            assertTrue(err[err.length - 1] <= 10 * steps[steps.length - 1] * steps[steps.length - 1] + 1e-13,
                    "||log(R(xi)) - xi|| = O(||xi||^2)");
        });
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class, () -> FixedRankPsdGeometry.of(3, 0));
        assertTrue(e.getMessage().contains("k >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FixedRankPsdGeometry.of(3, 4));
        assertTrue(e.getMessage().contains("k <= d"), e.getMessage());
        FixedRankPsdGeometry g = FixedRankPsdGeometry.of(3, 1);
        e = assertThrows(IllegalArgumentException.class, () -> g.point(new double[] {1, 0, 0, 0, -1, 0, 0, 0, 0}));
        assertTrue(e.getMessage().contains("positive semi-definite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.point(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 0}));
        assertTrue(e.getMessage().contains("rank > k"), e.getMessage());
        FixedRankPsdGeometry g2 = FixedRankPsdGeometry.of(3, 2);
        e = assertThrows(IllegalArgumentException.class, () -> g2.point(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertTrue(e.getMessage().contains("rank < k"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.point(new double[] {1, 2, 0, 0, 0, 0, 0, 0, 0}));
        assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.point(new double[] {Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> g.point(new double[4]));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
        double[] m = {1, 0, 0, 0, 0, 0, 0, 0, 0};
        e = assertThrows(IllegalArgumentException.class, () -> g.retract(m, new double[] {-2, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertTrue(e.getMessage().contains("positive k-th eigenvalue"), e.getMessage());
    }

    @Test
    void gramAndOuterDescriptorsAreInvariantAndSectionsInvertThem() {
        Property.forAll("gram/outer descriptor and section", FixedRankPsdGeometryTest::instance, in -> {
            int d = in.geo().d();
            int k = in.geo().k();
            for (FixedRankPsdManifold man : new FixedRankPsdManifold[] {FixedRankPsdManifold.gram(d, k),
                    FixedRankPsdManifold.outer(d, k)}) {
                double[] s = man.section(in.m());
                assertTrue(norm(axpy(-1, in.m(), man.descriptor(s))) <= 1e-12 * d, man + ": D(s(M)) = M");
            }
            DMatrixRMaj a = RandomMatrices.gaussian(k, d, in.rng());
            DMatrixRMaj o = RandomMatrices.haarOrthogonal(k, in.rng());
            FixedRankPsdManifold gram = FixedRankPsdManifold.gram(d, k);
            double[] da = gram.descriptor(a.getData());
            double[] doa = gram.descriptor(Mat.mult(o, a).getData());
            assertTrue(norm(axpy(-1, da, doa)) <= 1e-12 * d * Math.max(1, norm(da)), "D(O A) = D(A)");
            assertEquals(gram.dimension(), gram.tangentBasis(da).numCols);
        });
    }
}
