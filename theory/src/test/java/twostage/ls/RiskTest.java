package twostage.ls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;
import twostage.testing.Property;

/** Conditional risk, its decomposition (CF1), projected noise and the inverse-Wishart trace. */
class RiskTest {

    @Test
    void definitionOfTheRiskMatchesItsDecomposition() {
        Property.forAll("Prop B.1 on G-LIN", rng -> {
            int k = rng.nextInt(2, 6);
            FiniteSupportLaw law = RandomInstances.finiteSupport(25, 3, k, rng.nextInt(0, 1), rng);
            return new Object[] {law, law.sampleDesign(rng.nextInt(1, 12), rng)};
        }, inst -> {
            FiniteSupportLaw law = (FiniteSupportLaw) inst[0];
            int[] design = (int[]) inst[1];
            DMatrixRMaj phi = law.designFeatures(design);
            double[] f = law.targetOnDesign(design);
            double r = ConditionalRisk.exact(law, phi, f, 0.3);
            RiskParts parts = RiskDecomposition.of(law.moments(), phi, f, 0.3);
            assertEquals(r, 0.3 + parts.excess(), 1e-7 * Math.max(1, r));
            assertTrue(parts.rep() >= 0 && parts.leak() >= 0 && parts.var() >= 0);
        });
    }

    @Test
    void noiselessRiskIsTheBias() {
        FiniteSupportLaw law = RandomInstances.finiteSupport(20, 2, 3, 0, Rng.of(8));
        int[] design = law.sampleDesign(9, Rng.of(9));
        DMatrixRMaj phi = law.designFeatures(design);
        double[] f = law.targetOnDesign(design);
        double[] theta = MinNormOls.fit(phi, f).coefficients();
        assertEquals(law.meanSquaredError(theta), ConditionalRisk.exact(law, phi, f, 0.0), 1e-12);
        MonteCarlo mc = ConditionalRisk.monteCarlo(law, phi, f, new double[9], 0.0, 10, Rng.of(1));
        assertEquals(law.meanSquaredError(theta), mc.mean(), 1e-12);
    }

    @Test
    void riskRejectsBadInput() {
        FiniteSupportLaw law = RandomInstances.finiteSupport(20, 2, 3, 0, Rng.of(8));
        DMatrixRMaj phi = RandomMatrices.gaussian(4, 3, Rng.of(2));
        assertThrows(IllegalArgumentException.class, () -> ConditionalRisk.exact(law, phi, new double[4], -1));
        assertThrows(IllegalArgumentException.class, () -> ConditionalRisk.exact(law, phi, new double[3], 1));
        assertThrows(IllegalArgumentException.class,
                () -> ConditionalRisk.exact(law, RandomMatrices.gaussian(4, 2, Rng.of(2)), new double[4], 1));
        assertThrows(IllegalArgumentException.class, () -> ConditionalRisk.exact(law, phi, new double[4],
                new double[] {1, 1, 1, -1}, 1));
        assertThrows(IllegalArgumentException.class, () -> RiskDecomposition.of(law.moments(), phi, new double[4],
                Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RiskDecomposition.of(law.moments(),
                RandomMatrices.gaussian(4, 2, Rng.of(2)), new double[4], 1));
    }

    @Test
    void projectedNoiseMeanIsTheTraceFormula() {
        DMatrixRMaj phi = RandomMatrices.collinearDesign(8, 4, 1, Rng.of(4));
        HatMatrix h = HatMatrix.of(phi);
        assertEquals(2.0 * 3 / 8, ProjectedNoise.homoskedastic(h, 2.0).expected(), 1e-12);
        DMatrixRMaj r = Mat.add(Mat.scale(0.5, Mat.identity(8)), Mat.scale(0.5, ones(8)));
        assertEquals(2.0 * Mat.trace(Mat.mult(h.matrix(), r)) / 8, ProjectedNoise.correlated(h, 2.0, r).expected(),
                1e-12);
        assertThrows(IllegalArgumentException.class, () -> ProjectedNoise.homoskedastic(h, -1));
        assertThrows(IllegalArgumentException.class, () -> ProjectedNoise.correlated(h, 1, Mat.identity(3)));
        DMatrixRMaj notPsd = Mat.scale(-1, Mat.identity(8));
        assertThrows(IllegalArgumentException.class, () -> ProjectedNoise.correlated(h, 1, notPsd));
    }

    @Test
    void inverseWishartTraceMeanAndRejections() {
        assertEquals(9.0, InverseWishartTrace.mean(9, 4), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> InverseWishartTrace.mean(5, 4));
        assertThrows(IllegalArgumentException.class, () -> InverseWishartTrace.mean(5, 0));
        assertThrows(IllegalArgumentException.class, () -> InverseWishartTrace.of(Mat.identity(3), 3));
        DMatrixRMaj singular = new DMatrixRMaj(2, 2, true, 1, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> InverseWishartTrace.of(singular, 10));
        InverseWishartTrace t = InverseWishartTrace.of(Mat.identity(2), 6);
        assertEquals(6, t.sampleFeatures(Rng.of(1)).numRows);
        assertTrue(t.draw(Rng.of(1)) > 0);
    }

    private static DMatrixRMaj ones(int n) {
        DMatrixRMaj o = new DMatrixRMaj(n, n);
        o.fill(1);
        return o;
    }
}
