package twostage.geometry;

import twostage.linalg.Vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static twostage.linalg.Vectors.axpy;
import static twostage.linalg.Vectors.dot;
import static twostage.linalg.Vectors.norm;
import static twostage.linalg.Vectors.scale;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.Rng;
import twostage.testing.Property;

class SphereManifoldTest {

    record Instance(SphereManifold s, double[] o, double[] v, Rng rng) {
        @Override
        public String toString() {
            return s + " O=" + java.util.Arrays.toString(o) + " v=" + java.util.Arrays.toString(v);
        }
    }

    /** q in [2, 7], O uniform, v tangent with |v| uniform in (0, 3) (below pi). */
    static Instance instance(Rng rng) {
        int q = rng.nextInt(2, 7);
        SphereManifold s = SphereManifold.of(q);
        double[] o = s.descriptor(rng.gaussians(q));
        double[] v = s.projectTangent(o, rng.gaussians(q));
        v = scale(3 * rng.nextDouble() / norm(v), v);
        return new Instance(s, o, v, rng);
    }

    @Test
    void logInvertsExp() {
        Property.forAll("sphere log(exp(v)) = v", SphereManifoldTest::instance, in -> {
            double[] p = in.s().exp(in.o(), in.v());
            assertEquals(1, norm(p), 1e-14, "exp stays on the sphere");
            double[] back = in.s().log(in.o(), p);
            assertTrue(norm(axpy(-1, in.v(), back)) <= 1e-12, "log(exp(v)) = v, error " + norm(axpy(-1, in.v(), back)));
            assertEquals(norm(in.v()), in.s().distance(in.o(), p), 1e-12, "distance = |v|");
        });
    }

    @Test
    void logIsAccurateForTinySteps() {
        SphereManifold s = SphereManifold.of(3);
        double[] o = {0, 0, 1};
        double[] v = {1e-9, -2e-9, 0};
        double[] back = s.log(o, s.exp(o, v));
        assertTrue(norm(axpy(-1, v, back)) <= 1e-20, "no cancellation for small angles");
        assertEquals(0, norm(s.log(o, o)), 0);
    }

    @Test
    void projectionAndBasis() {
        Property.forAll("sphere projection and basis", SphereManifoldTest::instance, in -> {
            int q = in.s().ambientDimension();
            double[] x = in.rng().gaussians(q);
            double[] y = in.rng().gaussians(q);
            double[] px = in.s().projectTangent(in.o(), x);
            assertTrue(norm(axpy(-1, px, in.s().projectTangent(in.o(), px))) <= 1e-14 * q, "idempotent");
            assertEquals(dot(px, y), dot(x, in.s().projectTangent(in.o(), y)), 1e-13 * q * norm(x) * norm(y));
            DMatrixRMaj b = in.s().tangentBasis(in.o());
            assertEquals(q - 1, b.numCols);
            assertTrue(Mat.dist(Mat.multTransA(b, b), Mat.identity(q - 1)) <= 1e-13 * q, "orthonormal");
            assertTrue(Mat.frob(Mat.multTransA(b, Mat.col(in.o()))) <= 1e-13 * q, "orthogonal to O");
        });
    }

    @Test
    void basisAtCoordinateVectors() {
        SphereManifold s = SphereManifold.of(3);
        for (double[] o : new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, 1}}) {
            DMatrixRMaj b = s.tangentBasis(o);
            assertTrue(Mat.dist(Mat.multTransA(b, b), Mat.identity(2)) <= 1e-15, "orthonormal at a coordinate vector");
            assertTrue(Mat.frob(Mat.multTransA(b, Mat.col(o))) <= 1e-15, "orthogonal to O");
        }
    }

    @Test
    void rejectsBadInput() {
        SphereManifold s = SphereManifold.of(3);
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class, () -> SphereManifold.of(1));
        assertTrue(e.getMessage().contains("q >= 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.log(new double[] {1, 0, 0}, new double[] {-1, 0, 0}));
        assertTrue(e.getMessage().contains("antipode"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.projectTangent(new double[] {2, 0, 0}, new double[3]));
        assertTrue(e.getMessage().contains("unit norm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.descriptor(new double[3]));
        assertTrue(e.getMessage().contains("w != 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.exp(new double[] {1, 0, 0}, new double[] {0, Double.NaN, 0}));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.exp(new double[] {1, 0}, new double[2]));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
    }

    @Test
    void euclideanIsFlat() {
        EuclideanManifold r = EuclideanManifold.of(3);
        double[] o = {1, 2, 3};
        double[] v = {0.5, -1, 2};
        assertEquals(0, norm(axpy(-1, v, r.log(o, r.retract(o, v)))), 0);
        assertEquals(3, r.dimension());
        assertTrue(Mat.dist(r.tangentBasis(o), Mat.identity(3)) == 0);
        assertThrows(IllegalArgumentException.class, () -> EuclideanManifold.of(0));
        assertThrows(IllegalArgumentException.class, () -> r.retract(o, new double[2]));
    }
}
