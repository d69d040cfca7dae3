package twostage.ls;

import twostage.linalg.Vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.testing.Property;

/** Feature maps, the G-LIN law and the G-GAUSS law: values, moments and input rejection. */
class LawsTest {

    private static final DMatrixRMaj B = new DMatrixRMaj(2, 2, true, 1, 2, 0, -1);

    @Test
    void featureMapsComputeTheirFormulas() {
        double[] x = {0.5, -1};
        assertArrayEquals(new double[] {0.5, 2}, FeatureMap.linear(B).apply(x), 1e-15);
        assertArrayEquals(new double[] {Math.tanh(0.5), Math.tanh(2)}, FeatureMap.tanh(B).apply(x), 1e-15);
        assertArrayEquals(new double[] {0.5, 2, 0.25, 4}, FeatureMap.quadratic(B).apply(x), 1e-15);
        assertEquals(4, FeatureMap.quadratic(B).dimension());
        DMatrixRMaj rows = FeatureMap.linear(B).rows(new DMatrixRMaj(1, 2, true, 0.5, -1));
        assertEquals(2, rows.get(0, 1), 1e-15);
    }

    @Test
    void featureMapsRejectBadInput() {
        assertThrows(IllegalArgumentException.class, () -> FeatureMap.linear(new DMatrixRMaj(0, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureMap.tanh(new DMatrixRMaj(1, 1, true, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> FeatureMap.linear(B).apply(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> FeatureMap.linear(B).rows(new DMatrixRMaj(2, 3)));
    }

    @Test
    void finiteSupportMomentsAreWeightedSums() {
        DMatrixRMaj points = new DMatrixRMaj(3, 1, true, 1, 2, -1);
        double[] w = {0.5, 0.25, 0.25};
        FiniteSupportLaw law = FiniteSupportLaw.weighted(points, w,
                FeatureMap.quadratic(new DMatrixRMaj(1, 1, true, 1)), x -> 3 * x[0]);
        PopulationMoments m = law.moments();
        // phi = (x, x^2): E x^2 = 0.5 + 1 + 0.25, E x^3 = 0.5 + 2 - 0.25, E x^4 = 0.5 + 4 + 0.25
        assertEquals(1.75, m.sigma().get(0, 0), 1e-14);
        assertEquals(2.25, m.sigma().get(0, 1), 1e-14);
        assertEquals(4.75, m.sigma().get(1, 1), 1e-14);
        assertEquals(3 * 1.75, m.c().get(0), 1e-14);
        assertEquals(9 * 1.75, m.targetSecondMoment(), 1e-14);
        // f* = 3 x lies in the class: no representation error
        assertEquals(0, PopulationProjector.of(law).representationError(), 1e-12);
        assertEquals(0, law.meanSquaredError(new double[] {3, 0}), 1e-14);
        assertArrayEquals(new double[] {1, 2, -1}, law.coordinate(0), 0);
    }

    @Test
    void finiteSupportRejectsBadInput() {
        DMatrixRMaj points = new DMatrixRMaj(2, 1, true, 1, 2);
        FeatureMap phi = FeatureMap.linear(new DMatrixRMaj(1, 1, true, 1));
        assertThrows(IllegalArgumentException.class,
                () -> FiniteSupportLaw.weighted(points, new double[] {0.7, 0.7}, phi, x -> 0));
        assertThrows(IllegalArgumentException.class,
                () -> FiniteSupportLaw.weighted(points, new double[] {1.5, -0.5}, phi, x -> 0));
        assertThrows(IllegalArgumentException.class,
                () -> FiniteSupportLaw.weighted(points, new double[] {1}, phi, x -> 0));
        assertThrows(IllegalArgumentException.class, () -> FiniteSupportLaw.uniform(points,
                FeatureMap.linear(new DMatrixRMaj(2, 1)), x -> 0));
        assertThrows(IllegalArgumentException.class, () -> FiniteSupportLaw.uniform(points, phi, x -> Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FiniteSupportLaw.uniform(new DMatrixRMaj(0, 1), phi,
                x -> 0));
        FiniteSupportLaw law = FiniteSupportLaw.uniform(points, phi, x -> 0);
        assertThrows(IllegalArgumentException.class, () -> law.evaluate(new int[] {2}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> law.inner(new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> law.sampleDesign(0, Rng.of(1)));
        assertThrows(IllegalArgumentException.class, () -> law.sampleDistinctDesign(3, Rng.of(1)));
        assertThrows(IllegalArgumentException.class, () -> law.forward(new double[2]));
        assertThrows(IllegalArgumentException.class, () -> law.coordinate(1));
    }

    @Test
    void designsFollowTheWeights() {
        DMatrixRMaj points = new DMatrixRMaj(3, 1, true, 0, 1, 2);
        FiniteSupportLaw law = FiniteSupportLaw.weighted(points, new double[] {0.2, 0, 0.8},
                FeatureMap.linear(new DMatrixRMaj(1, 1, true, 1)), x -> x[0]);
        int[] counts = new int[3];
        for (int s : law.sampleDesign(20000, Rng.of(7))) {
            counts[s]++;
        }
        assertEquals(0, counts[1]);
        // binomial(20000, 0.2): sd 57
        assertEquals(4000, counts[0], 300);
    }

    @Test
    void populationProjectorIsAnOrthogonalProjectionInL2() {
        Property.forAll("G-LIN population projector", rng -> RandomInstances.finiteSupport(20, 3, rng.nextInt(2, 6),
                rng.nextInt(0, 1), rng), law -> {
            PopulationProjector pi = PopulationProjector.of(law);
            double[] g = Rng.of(3).gaussians(law.size());
            double[] pg = pi.apply(g);
            assertTrue(Vectors.maxDiff(pi.apply(pg), pg) < 1e-9 * Vectors.scaleOf(pg), "idempotent");
            double[] e = pi.residual(g);
            for (int j = 0; j < law.featureDimension(); j++) {
                double[] unit = new double[law.featureDimension()];
                unit[j] = 1;
                assertEquals(0, law.inner(e, law.forward(unit)), 1e-9, "residual orthogonal to column " + j);
            }
        });
    }

    @Test
    void gaussianLawMomentsFollowCf2() {
        DMatrixRMaj sd = new DMatrixRMaj(2, 2, true, 1, 0, 0, 1);
        // Toy-R at omega: phi = x1 + omega x2, f* = x1, Rep = omega^2 / (1 + omega^2)
        double omega = 0.7;
        GaussianLinearLaw law = GaussianLinearLaw.of(sd, new DMatrixRMaj(2, 1, true, 1, omega), new double[] {1, 0});
        PopulationMoments m = law.moments();
        assertEquals(1 + omega * omega, m.sigma().get(0), 1e-15);
        assertEquals(1, m.c().get(0), 1e-15);
        double[] best = Mat.mult(PseudoInverse.pinv(m.sigma()), m.c()).getData();
        assertEquals(omega * omega / (1 + omega * omega), law.meanSquaredError(best), 1e-14);
        DMatrixRMaj phi = law.features(law.sampleInputs(50, Rng.of(3)));
        double[] f = law.target(law.sampleInputs(50, Rng.of(3)));
        RiskParts parts = RiskDecomposition.of(m, phi, f, 0.0);
        assertEquals(omega * omega / (1 + omega * omega), parts.rep(), 1e-14);
    }

    @Test
    void gaussianLawSamplesHaveItsCovariance() {
        DMatrixRMaj sd = RandomMatrices.spd(3, 5, Rng.of(11));
        GaussianLinearLaw law = GaussianLinearLaw.of(sd, RandomMatrices.gaussian(3, 2, Rng.of(12)), new double[3]);
        int n = 40000;
        DMatrixRMaj x = law.sampleInputs(n, Rng.of(13));
        DMatrixRMaj s = Mat.scale(1.0 / n, Mat.multTransA(x, x));
        // entries of a sample covariance with n = 40000 have sd below 0.01 here
        assertTrue(Mat.dist(s, sd) < 0.05, "sample covariance " + s + " vs " + sd);
    }

    @Test
    void quadraticFeatureMomentsMatchSampleMoments() {
        GaussianQuadraticLaw law = GaussianQuadraticLaw.of(RandomMatrices.spd(3, 4, Rng.of(21)),
                Mat.scale(0.7, RandomMatrices.gaussian(3, 2, Rng.of(22))), new double[] {1, -0.5, 0.2},
                new double[] {0.4, 0.3, -0.6});
        int n = 200000;
        DMatrixRMaj x = law.sampleInputs(n, Rng.of(23));
        DMatrixRMaj phi = law.features(x);
        double[] f = law.target(x);
        DMatrixRMaj sigma = Mat.scale(1.0 / n, Mat.multTransA(phi, phi));
        DMatrixRMaj c = Mat.scale(1.0 / n, Mat.multTransA(phi, Mat.col(f)));
        double f2 = Mat.inner(Mat.col(f), Mat.col(f)) / n;
        PopulationMoments m = law.moments();
        // fourth and sixth Gaussian moments from 2e5 draws: relative errors of about 1%
        for (int i = 0; i < sigma.getNumElements(); i++) {
            assertEquals(m.sigma().get(i), sigma.get(i), 0.05 * Math.max(1, Math.abs(m.sigma().get(i))), "Sigma " + i);
        }
        for (int i = 0; i < c.getNumElements(); i++) {
            assertEquals(m.c().get(i), c.get(i), 0.05 * Math.max(1, Math.abs(m.c().get(i))), "c " + i);
        }
        assertEquals(m.targetSecondMoment(), f2, 0.05 * m.targetSecondMoment());
        assertEquals(law.meanSquaredError(new double[4]), m.targetSecondMoment(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GaussianQuadraticLaw.of(Mat.identity(3),
                new DMatrixRMaj(3, 1), new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> law.meanSquare(new double[3]));
    }

    @Test
    void gaussianLawRejectsBadInput() {
        DMatrixRMaj notPsd = new DMatrixRMaj(2, 2, true, 1, 2, 2, 1);
        assertThrows(IllegalArgumentException.class,
                () -> GaussianLinearLaw.of(notPsd, new DMatrixRMaj(2, 1), new double[2]));
        DMatrixRMaj id = Mat.identity(2);
        assertThrows(IllegalArgumentException.class,
                () -> GaussianLinearLaw.of(id, new DMatrixRMaj(3, 1), new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianLinearLaw.of(id, new DMatrixRMaj(2, 1), new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianLinearLaw.of(id, new DMatrixRMaj(2, 1), new double[] {1, Double.NaN}));
        GaussianLinearLaw law = GaussianLinearLaw.of(id, new DMatrixRMaj(2, 1), new double[2]);
        assertThrows(IllegalArgumentException.class, () -> law.sampleInputs(0, Rng.of(1)));
        assertThrows(IllegalArgumentException.class, () -> law.meanSquare(new double[2]));
    }
}
