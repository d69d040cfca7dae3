package twostage.ls;

import twostage.linalg.Vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.testing.Property;

/** Min-norm OLS, the hat matrix, the empirical projector, lifts and d_eff,n: values and input rejection. */
class LeastSquaresTest {

    @Test
    void olsSolvesFullRankSystemsExactly() {
        DMatrixRMaj phi = new DMatrixRMaj(3, 2, true, 1, 0, 0, 1, 1, 1);
        double[] theta = {2, -1};
        double[] y = Mat.mult(phi, Mat.col(theta)).getData();
        MinNormOls ols = MinNormOls.fit(phi, y);
        assertArrayEquals(theta, ols.coefficients(), 1e-13);
        assertArrayEquals(y, ols.fittedValues(), 1e-13);
        assertEquals(2 * 3 - 1 * 4, ols.predict(new double[] {3, 4}), 1e-13);
    }

    @Test
    void olsPicksTheMinimumNormSolution() {
        // one equation theta_1 + theta_2 = 2: the minimum-norm solution is (1, 1)
        MinNormOls ols = MinNormOls.fit(new DMatrixRMaj(1, 2, true, 1, 1), new double[] {2});
        assertArrayEquals(new double[] {1, 1}, ols.coefficients(), 1e-13);
    }

    @Test
    void olsRejectsBadInput() {
        DMatrixRMaj phi = new DMatrixRMaj(2, 2, true, 1, 0, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> MinNormOls.fit(phi, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> MinNormOls.fit(phi, new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> MinNormOls.fit(new DMatrixRMaj(0, 2), new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> MinNormOls.fit(new DMatrixRMaj(1, 1, true, Double.POSITIVE_INFINITY), new double[1]));
        assertThrows(IllegalArgumentException.class, () -> MinNormOls.fit(phi, new double[2]).predict(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> HatMatrix.of(new DMatrixRMaj(2, 0)));
        assertThrows(IllegalArgumentException.class, () -> EffectiveDimension.of(new DMatrixRMaj(1, 1, true,
                Double.NaN)));
    }

    @Test
    void hatMatrixProjectsOntoTheColumnSpace() {
        Property.forAll("hat matrix projector", rng -> RandomInstances.design(rng.nextInt(0, 3), rng), d -> {
            DMatrixRMaj h = HatMatrix.of(d.phi()).matrix();
            double tol = 1e-8 * Math.max(1, Tolerance.conditionOnRange(d.phi()));
            assertTrue(Mat.dist(Mat.mult(h, h), h) < tol, "H^2 = H");
            assertTrue(Mat.dist(h, Mat.transpose(h)) < tol, "H symmetric");
            assertTrue(Mat.dist(Mat.mult(h, d.phi()), d.phi()) < tol * Mat.frob(d.phi()), "H Phi = Phi");
            EffectiveDimension e = EffectiveDimension.of(d.phi());
            assertEquals(d.rank(), e.value());
            assertEquals(d.rank(), e.rankPhi());
            assertEquals(d.rank(), e.traceHat(), 1e-8);
            assertEquals(d.rank(), e.traceSigmaNPinvSigmaN(), 1e-8);
        });
    }

    @Test
    void empiricalProjectorMatchesOls() {
        Property.forAll("empirical projector = OLS", rng -> RandomInstances.design(rng.nextInt(0, 3), rng), d -> {
            double[] y = Rng.of(5).gaussians(d.phi().numRows);
            EmpiricalProjector p = EmpiricalProjector.of(d.phi());
            double[] theta = MinNormOls.fit(d.phi(), y).coefficients();
            assertTrue(Vectors.maxDiff(theta, p.coefficients(y)) < 1e-8 * Vectors.scaleOf(theta));
            assertTrue(Vectors.maxDiff(HatMatrix.of(d.phi()).apply(y), p.fittedValues(y)) < 1e-8 * Vectors.scaleOf(y));
        });
    }

    @Test
    void empiricalProjectorRejectsBadInput() {
        EmpiricalProjector p = EmpiricalProjector.of(RandomMatrices.gaussian(4, 2, Rng.of(1)));
        assertThrows(IllegalArgumentException.class, () -> p.coefficients(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> p.adjoint(new double[] {1, 2, 3, Double.NaN}));
        assertThrows(IllegalStateException.class, () -> p.apply(new double[4]));
        assertThrows(IllegalStateException.class, () -> p.applyToSampleValues(new double[4]));
        assertThrows(IllegalArgumentException.class,
                () -> EmpiricalProjector.empiricalInner(new double[2], new double[3]));
        assertEquals(2.5, EmpiricalProjector.empiricalInner(new double[] {1, 2}, new double[] {1, 2}), 1e-15);
    }

    @Test
    void liftAgreesOnTheDesignAndRejectsInconsistentRepeats() {
        FiniteSupportLaw law = RandomInstances.finiteSupport(10, 2, 3, 0, Rng.of(3));
        double[] background = new double[10];
        double[] g = Lift.of(law, new int[] {4, 7, 4}, new double[] {1, 2, 1}, background);
        assertArrayEquals(new double[] {1, 2, 1}, law.evaluate(new int[] {4, 7, 4}, g), 0);
        assertEquals(0, g[0], 0);
        assertThrows(IllegalArgumentException.class,
                () -> Lift.of(law, new int[] {4, 4}, new double[] {1, 2}, background));
        assertThrows(IllegalArgumentException.class,
                () -> Lift.of(law, new int[] {4}, new double[] {1, 2}, background));
        assertThrows(IllegalArgumentException.class, () -> Lift.of(law, new int[] {4}, new double[] {1},
                new double[9]));
        assertThrows(IllegalArgumentException.class, () -> Lift.of(law, new int[] {10}, new double[] {1},
                background));
    }
}
