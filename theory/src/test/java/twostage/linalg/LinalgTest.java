package twostage.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.random.RandomMatrices;
import twostage.testing.Property;

/**
 * Pseudo-inverse (Penrose conditions and the exact position of the rank cut), the symmetric eigendecomposition
 * (order, sign convention, rank threshold, bounds of {@code leading}) and the input validation in {@link Checks},
 * including the boundary of every inequality (these were the survivors of mutation testing).
 */
class LinalgTest {

    private static DMatrixRMaj diag(double... d) {
        DMatrixRMaj a = new DMatrixRMaj(d.length, d.length);
        for (int i = 0; i < d.length; i++) {
            a.set(i, i, d[i]);
        }
        return a;
    }

    private record OfRank(DMatrixRMaj a, int rank) {
    }

    @Test
    void pseudoInverseSatisfiesThePenroseConditionsOnRankDeficientMatrices() {
        Property.forAll("Penrose conditions", rng -> {
            int m = rng.nextInt(1, 7);
            int n = rng.nextInt(1, 7);
            int r = rng.nextInt(0, Math.min(m, n));
            return new OfRank(RandomMatrices.ofRank(m, n, r, rng), r);
        }, inst -> {
            DMatrixRMaj a = inst.a();
            int r = inst.rank();
            PseudoInverse p = PseudoInverse.of(a);
            DMatrixRMaj x = p.pinv();
            assertEquals(a.numCols, x.numRows);
            assertEquals(a.numRows, x.numCols);
            assertEquals(r, p.rank(), "numerical rank");
            double tol = 1e-9 * Math.max(1, Mat.frob(a) * Mat.frob(x)) * Math.max(1, Mat.frob(x));
            assertTrue(Mat.dist(Mat.mult(a, x, a), a) < tol * Math.max(1, Mat.frob(a)), "A X A = A");
            assertTrue(Mat.dist(Mat.mult(x, a, x), x) < tol, "X A X = X");
            DMatrixRMaj ax = Mat.mult(a, x);
            DMatrixRMaj xa = Mat.mult(x, a);
            assertTrue(Mat.dist(ax, Mat.transpose(ax)) < tol, "A X symmetric");
            assertTrue(Mat.dist(xa, Mat.transpose(xa)) < tol, "X A symmetric");
            assertEquals(r, Mat.trace(ax), 1e-8, "trace of the projector A X = rank");
            assertEquals(0, Mat.dist(x, PseudoInverse.pinv(a)), 0.0, "shorthand pinv = of(a).pinv()");
        });
    }

    @Test
    void pseudoInverseOfADiagonalMatrixInvertsExactlyTheSingularValuesAboveTheCut() {
        PseudoInverse p = PseudoInverse.of(diag(4, 2, 1e-12));
        assertEquals(2, p.rank());
        assertArrayEquals(new double[] {0.25, 0, 0, 0, 0.5, 0, 0, 0, 0}, p.pinv().getData(), 1e-15);
        // relTol moves the cut: a singular value equal to relTol * smax is cut, one just above it is kept
        assertEquals(1, PseudoInverse.of(diag(4, 2), 0.5).rank(), "s = relTol * smax is treated as zero");
        assertEquals(2, PseudoInverse.of(diag(4, 2), 0.4999).rank(), "s just above relTol * smax is kept");
        assertEquals(3, PseudoInverse.of(diag(1, 1e-9, 1e-9)).rank(), "default cut 1e-10 keeps 1e-9");
        assertEquals(1, PseudoInverse.of(diag(1, 1e-11)).rank(), "default cut 1e-10 drops 1e-11");
        // the cut is relative to the largest singular value wherever it sits on the diagonal
        PseudoInverse unsorted = PseudoInverse.of(diag(1e-12, 2, 4));
        assertEquals(2, unsorted.rank());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0.5, 0, 0, 0, 0.25}, unsorted.pinv().getData(), 1e-15);
    }

    @Test
    void pseudoInverseOfZeroAndEmptyMatrices() {
        PseudoInverse zero = PseudoInverse.of(new DMatrixRMaj(2, 3));
        assertEquals(0, zero.rank());
        assertEquals(3, zero.pinv().numRows);
        assertEquals(2, zero.pinv().numCols);
        assertEquals(0, Mat.frob(zero.pinv()), 0.0);
        for (DMatrixRMaj empty : new DMatrixRMaj[] {new DMatrixRMaj(0, 3), new DMatrixRMaj(2, 0)}) {
            PseudoInverse e = PseudoInverse.of(empty);
            assertEquals(0, e.rank());
            assertEquals(empty.numCols, e.pinv().numRows);
            assertEquals(empty.numRows, e.pinv().numCols);
        }
        assertThrows(IllegalArgumentException.class, () -> PseudoInverse.of(diag(1, Double.NaN)));
    }

    @Test
    void symmetricEigenSortsFixesSignsAndReconstructs() {
        Property.forAll("symmetric eigen", LinalgTest::square, s -> {
            SymmetricEigen e = SymmetricEigen.of(s);
            int n = s.numRows;
            for (int i = 1; i < n; i++) {
                assertTrue(e.values()[i - 1] >= e.values()[i], "decreasing");
            }
            DMatrixRMaj v = e.vectors();
            assertTrue(Mat.dist(Mat.multTransA(v, v), Mat.identity(n)) < 1e-10, "orthonormal");
            assertTrue(Mat.dist(e.apply(x -> x), s) < 1e-10 * Math.max(1, Mat.frob(s)), "V Lambda V^T = S");
            for (int c = 0; c < n; c++) {
                int arg = 0;
                for (int i = 1; i < n; i++) {
                    if (Math.abs(v.get(i, c)) > Math.abs(v.get(arg, c))) {
                        arg = i;
                    }
                }
                assertTrue(v.get(arg, c) > 0, "largest-magnitude entry of each eigenvector is positive");
                DMatrixRMaj sv = Mat.mult(s, Mat.col(column(v, c)));
                for (int i = 0; i < n; i++) {
                    assertEquals(e.values()[c] * v.get(i, c), sv.get(i), 1e-10 * Math.max(1, Mat.frob(s)));
                }
            }
            DMatrixRMaj lead = e.leading(1);
            DMatrixRMaj trail = e.trailing(1);
            assertEquals(1, lead.numCols);
            assertEquals(n - 1, trail.numCols);
            assertEquals(v.get(0, 0), lead.get(0, 0), 0.0);
            if (n > 1) {
                assertEquals(v.get(0, 1), trail.get(0, 0), 0.0);
            }
        });
    }

    private static DMatrixRMaj square(twostage.random.Rng rng) {
        int n = rng.nextInt(1, 6);
        DMatrixRMaj s = RandomMatrices.gaussian(n, n, rng);
        RandomMatrices.symmetrize(s);
        return s;
    }

    private static double[] column(DMatrixRMaj v, int c) {
        double[] out = new double[v.numRows];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i, c);
        }
        return out;
    }

    @Test
    void symmetricEigenOfADiagonalMatrix() {
        SymmetricEigen e = SymmetricEigen.of(diag(-3, 5, 1));
        assertArrayEquals(new double[] {5, 1, -3}, e.values(), 1e-14);
        // eigenvectors are signed unit coordinate vectors with the nonzero entry positive
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, e.vectors().getData(), 1e-14);
        DMatrixRMaj sq = e.apply(x -> x * x);
        assertArrayEquals(new double[] {9, 0, 0, 0, 25, 0, 0, 0, 1}, sq.getData(), 1e-12);
        // a negative multiple of a coordinate vector gets its sign flipped: unit vectors come out positive
        SymmetricEigen flat = SymmetricEigen.of(new DMatrixRMaj(2, 2, true, 2, 1, 1, 2));
        double r = Math.sqrt(0.5);
        assertArrayEquals(new double[] {3, 1}, flat.values(), 1e-14);
        assertEquals(r, flat.vectors().get(0, 0), 1e-14);
        assertEquals(r, flat.vectors().get(1, 0), 1e-14);
        // the second eigenvector is +-(1, -1)/sqrt 2: a tie in magnitude goes to the first index, made positive
        assertEquals(r, flat.vectors().get(0, 1), 1e-14);
        assertEquals(-r, flat.vectors().get(1, 1), 1e-14);
    }

    @Test
    void symmetricEigenRankCountsOnlyPositiveEigenvaluesAboveTheRelativeCut() {
        SymmetricEigen e = SymmetricEigen.of(diag(4, 2, 1e-12, -4));
        assertEquals(2, e.rank(1e-10), "negative and tiny eigenvalues are not counted");
        assertEquals(1, e.rank(0.5), "lambda = relTol * max|lambda| is not counted");
        assertEquals(2, e.rank(0.4999), "just above the cut is counted");
        assertEquals(0, SymmetricEigen.of(new DMatrixRMaj(2, 2)).rank(0), "zero matrix has rank 0");
        // max |lambda| is taken over all eigenvalues, including the negative ones
        assertEquals(1, SymmetricEigen.of(diag(1, 3, -8)).rank(0.2), "cut 0.2 * 8 = 1.6 keeps only 3");
    }

    @Test
    void symmetricEigenLeadingBounds() {
        SymmetricEigen e = SymmetricEigen.of(diag(3, 2, 1));
        assertEquals(0, e.leading(0).numCols);
        assertEquals(3, e.leading(3).numCols);
        assertEquals(3, e.trailing(0).numCols);
        assertEquals(0, e.trailing(3).numCols);
        assertEquals(3, e.trailing(3).numRows);
        assertEquals(3, e.leading(0).numRows);
        assertThrows(IllegalArgumentException.class, () -> e.leading(-1));
        assertThrows(IllegalArgumentException.class, () -> e.leading(4));
        assertThrows(IllegalArgumentException.class, () -> e.trailing(-1));
        assertThrows(IllegalArgumentException.class, () -> e.trailing(4));
    }

    @Test
    void symmetricEigenRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new DMatrixRMaj(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(diag(1, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(diag(1, Double.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new DMatrixRMaj(2, 2, true, 1, 1e-6, 0, 1)));
        // asymmetry below 1e-10 relative to the largest entry is tolerated and symmetrised
        SymmetricEigen e = SymmetricEigen.of(new DMatrixRMaj(2, 2, true, 1, 1e-12, 0, 1));
        assertEquals(1 + 0.5e-12, e.values()[0], 1e-15);
    }

    @Test
    void scalarValidationBoundaries() {
        assertEquals(2.5, Checks.requireFinite("x", 2.5), 0.0);
        assertEquals(2.5, Checks.requirePositive("x", 2.5), 0.0);
        assertEquals(Double.MIN_VALUE, Checks.requirePositive("x", Double.MIN_VALUE), 0.0);
        assertEquals(0.0, Checks.requireNonNegative("x", 0.0), 0.0);
        assertEquals(2.5, Checks.requireNonNegative("x", 2.5), 0.0);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Checks.requireFinite("x", bad));
            assertThrows(IllegalArgumentException.class, () -> Checks.requirePositive("x", bad));
            assertThrows(IllegalArgumentException.class, () -> Checks.requireNonNegative("x", bad));
            assertThrows(IllegalArgumentException.class, () -> Checks.requireFinite("x", new double[] {0, bad}));
            assertThrows(IllegalArgumentException.class, () -> Checks.requireFinite("x", diag(0, bad)));
        }
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Checks.requirePositive("alpha", 0.0));
        assertTrue(zero.getMessage().contains("alpha") && zero.getMessage().contains("> 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checks.requireNonNegative("x", -Double.MIN_VALUE));
        assertDoesNotThrow(() -> Checks.requireFinite("x", new double[] {0, -1, 1e308}));
        assertDoesNotThrow(() -> Checks.requireFinite("x", diag(0, -1, 1e308)));
    }

    @Test
    void shapeAndSymmetryValidationBoundaries() {
        assertDoesNotThrow(() -> Checks.requireShape("a", new DMatrixRMaj(2, 3), 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Checks.requireShape("a", new DMatrixRMaj(2, 3), 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Checks.requireShape("a", new DMatrixRMaj(2, 3), 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Checks.requireSquare("a", new DMatrixRMaj(2, 3)));
        assertDoesNotThrow(() -> Checks.requireSquare("a", new DMatrixRMaj(3, 3)));
        // |a_01 - a_10| = 0.5 against relTol * max|a_ij| = 0.25 * 2 = 0.5: equality is tolerated
        DMatrixRMaj a = new DMatrixRMaj(2, 2, true, 2, 0.5, 0, 1);
        assertDoesNotThrow(() -> Checks.requireSymmetric("a", a, 0.25));
        assertThrows(IllegalArgumentException.class, () -> Checks.requireSymmetric("a", a, 0.2499));
        // the largest entry sits below the diagonal: the scale must see the whole matrix
        DMatrixRMaj b = new DMatrixRMaj(2, 2, true, 0, 0, 4, 0);
        assertDoesNotThrow(() -> Checks.requireSymmetric("b", b, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Checks.requireSymmetric("b", b, 0.99));
        // the asymmetric pair may be anywhere in the upper triangle, including the last row/column
        DMatrixRMaj c = diag(1, 1, 1);
        c.set(1, 2, 0.5);
        assertThrows(IllegalArgumentException.class, () -> Checks.requireSymmetric("c", c, 1e-10));
        IllegalArgumentException notSquare = assertThrows(IllegalArgumentException.class,
                () -> Checks.requireSymmetric("c", new DMatrixRMaj(2, 3), 1));
        assertTrue(notSquare.getMessage().contains("must be square"), notSquare.getMessage());
        assertDoesNotThrow(() -> Checks.requireSymmetric("zero", new DMatrixRMaj(3, 3), 1e-10));
    }

    @Test
    void definitenessValidationBoundaries() {
        // requirePsd: min >= -relTol * max(|lambda_max|, |lambda_min|); equality is accepted
        assertDoesNotThrow(() -> Checks.requirePsd("a", diag(1, -0.5), 0.5));
        assertThrows(IllegalArgumentException.class, () -> Checks.requirePsd("a", diag(1, -0.5), 0.4999));
        assertDoesNotThrow(() -> Checks.requirePsd("a", diag(1, 0), 0));
        // the allowance is relative: with lambda_max = 2, lambda_min = -1 sits exactly at relTol = 0.5
        assertDoesNotThrow(() -> Checks.requirePsd("a", diag(2, -1), 0.5));
        assertThrows(IllegalArgumentException.class, () -> Checks.requirePsd("a", diag(2, -1), 0.4999));
        // the scale includes a dominant negative eigenvalue
        assertDoesNotThrow(() -> Checks.requirePsd("a", diag(0.5, -1), 1.0));
        assertThrows(IllegalArgumentException.class, () -> Checks.requirePsd("a", diag(0.5, -1), 0.99));
        IllegalArgumentException psd = assertThrows(IllegalArgumentException.class,
                () -> Checks.requirePsd("cov", diag(1, -1), 1e-10));
        assertTrue(psd.getMessage().contains("cov") && psd.getMessage().contains("semi-definite"));
        // requirePositiveDefinite: min > relTol * |max|; equality is rejected
        assertThrows(IllegalArgumentException.class, () -> Checks.requirePositiveDefinite("h", diag(2, 1), 0.5));
        assertDoesNotThrow(() -> Checks.requirePositiveDefinite("h", diag(2, 1), 0.4999));
        assertThrows(IllegalArgumentException.class, () -> Checks.requirePositiveDefinite("h", diag(1, 0), 0));
        assertThrows(IllegalArgumentException.class, () -> Checks.requirePositiveDefinite("h", diag(-1, -2), 0));
        assertThrows(IllegalArgumentException.class, () -> Checks.requirePositiveDefinite("h", diag(1, Double.NaN),
                0));
    }

    @Test
    void matHelpersMatchTheirDefinitions() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3, true, 1, 2, 3, 4, 5, 6);
        DMatrixRMaj b = new DMatrixRMaj(2, 3, true, 0, 1, 0, 1, 0, -1);
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, Mat.transpose(a).getData(), 0.0);
        assertArrayEquals(new double[] {1, 3, 3, 5, 5, 5}, Mat.add(a, b).getData(), 0.0);
        assertArrayEquals(new double[] {1, 1, 3, 3, 5, 7}, Mat.sub(a, b).getData(), 0.0);
        assertArrayEquals(new double[] {2, 4, 6, 8, 10, 12}, Mat.scale(2, a).getData(), 0.0);
        assertArrayEquals(new double[] {2, -2, 5, -2}, Mat.multTransB(a, b).getData(), 0.0);
        assertArrayEquals(Mat.mult(Mat.transpose(a), b).getData(), Mat.multTransA(a, b).getData(), 0.0);
        assertEquals(1 * 0 + 2 * 1 + 4 * 1 - 6, Mat.inner(a, b), 0.0);
        assertEquals(Math.sqrt(91), Mat.frob(a), 1e-14);
        assertEquals(Math.sqrt(3), Mat.dist(a, Mat.add(a, b)), 1e-14);
        assertEquals(3, Mat.trace(Mat.identity(3)), 0.0);
        assertEquals(8, Mat.opNorm(diag(2, -8, 1)), 1e-13);
        assertEquals(8, Mat.cond(diag(2, -8, 1)), 1e-12);
        DMatrixRMaj c = Mat.col(1, 2);
        assertEquals(2, c.numRows);
        assertEquals(1, c.numCols);
        DMatrixRMaj abc = Mat.mult(Mat.transpose(a), a, Mat.transpose(b));
        assertArrayEquals(Mat.mult(Mat.mult(Mat.transpose(a), a), Mat.transpose(b)).getData(), abc.getData(), 0.0);
    }
}
