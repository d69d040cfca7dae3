package twostage.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.check.CheckContext;
import twostage.random.Rng;
import twostage.testing.Property;

/** Unit tests: input validation, features, alignment, EM. */
class MixtureModelTest {

    @Test
    void rejectsBadInput() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> MixtureModel.of(1, 2, new double[] {0, 0})), "K >= 2");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> MixtureModel.of(2, 0, new double[0])), "d >= 1");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> MixtureModel.of(2, 2, new double[] {1, 2, 1, 2})), "distinct");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> MixtureModel.of(2, 1, new double[] {Double.NaN, 1})), "finite");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> MixtureModel.paperInstance(4, 20, -1)), "beta");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> MixtureModel.paperInstance(4, 3, 2)), "d >= K");
        // three collinear equally spaced centres in R^2 have rank S = 1; asking for r = 2 has no eigengap
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> CentredSubspace.of(3, 2, new double[] {0, 0, 1, 0, 2, 0}, 2)), "eigengap");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> MixtureInstance.paper(4, 20, 2, -0.1)), "sigma^2");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> EmEstimator.of(2, 2, 0, 10, 1)), "tolerance");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> new InteractionLimit.Sizes(5, 100, 100)), "at least 10");
    }

    private static void assertMessage(IllegalArgumentException e, String part) {
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should name '" + part + "'");
    }

    @Test
    void projectedResponsibilitiesAreTheProjectedPosterior() {
        Property.forAll("posterior on range P_U", rng -> GmmCheck.randomInstance(rng.nextInt(2, 4), 5, 2.0, 0.1, rng),
                inst -> {
                    Rng rng = Rng.of(inst.model().centres().length);
                    double[] x = inst.model().sample(rng);
                    FeatureMap f = inst.featuresAtTruth();
                    double[] pi = f.responsibilities(x, 0);
                    int k = inst.components();
                    int d = inst.dimension();
                    double[] dens = new double[k];
                    double z = 0;
                    DMatrixRMaj p = f.subspace().projectorMatrix();
                    for (int i = 0; i < k; i++) {
                        double s = 0;
                        for (int a = 0; a < d; a++) {
                            double t = 0;
                            for (int b = 0; b < d; b++) {
                                t += p.get(a, b) * (x[b] - inst.model().centres()[i * d + b]);
                            }
                            s += t * t;
                        }
                        dens[i] = Math.exp(-0.5 * s);
                        z += dens[i];
                    }
                    for (int i = 0; i < k; i++) {
                        assertEquals(dens[i] / z, pi[i], 1e-12, "pi_i = posterior of N(P u_i, I) on range P");
                    }
                });
    }

    @Test
    void alignmentUndoesARelabelling() {
        Rng rng = CheckContext.defaults().rng("alignment", 0);
        for (int k : new int[] {3, 6, 10}) {
            double[] u = rng.gaussians(k * 4);
            int[] g = PermutationGroup.randomPermutation(k, rng);
            double[] gu = PermutationGroup.actOn(g, u, k, 4);
            assertArrayEquals(u, LabelAlignment.align(k, 4, gu, u), 0.0);
        }
    }

    @Test
    void emFromRestartsFindsWellSeparatedCentres() {
        Rng rng = CheckContext.defaults().rng("em", 0);
        MixtureModel m = MixtureModel.paperInstance(3, 3, 5.0);
        DMatrixRMaj x = m.sample(5000, rng);
        EmEstimator.Fit fit = EmEstimator.of(3, 3, 1e-8, 1000, 4).fit(x, null, rng);
        assertTrue(fit.converged());
        double[] a = LabelAlignment.align(3, 3, fit.centres(), m.centres());
        for (int j = 0; j < a.length; j++) {
            assertEquals(m.centres()[j], a[j], 0.15, "centre coordinate");
        }
    }

    @Test
    void descriptorIsPermutationInvariant() {
        SortedCentresDescriptor desc = new SortedCentresDescriptor(4, 5, SortedCentresDescriptor.defaultDirection(5));
        Rng rng = CheckContext.defaults().rng("descriptor", 0);
        double[] u = rng.gaussians(20);
        double[] du = desc.descriptor(u);
        for (int t = 0; t < 10; t++) {
            int[] g = PermutationGroup.randomPermutation(4, rng);
            assertArrayEquals(du, desc.descriptor(PermutationGroup.actOn(g, u, 4, 5)), 0.0);
        }
    }
}
