package twostage.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.check.Check;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.stats.MonteCarlo;
import twostage.testing.CheckSuite;

/** Exact identities and input validation of the spectral building blocks (written against PIT survivors). */
class SpectralIdentitiesTest {

    @Test
    void printedGaussianMomentFormulasAgreeWithIsserlisForSymmetricInputs() {
        Rng rng = Rng.of(5);
        for (int t = 0; t < 10; t++) {
            int d = 2 + t % 3;
            DMatrixRMaj a = SpectralLossTest.sym(d, rng);
            DMatrixRMaj b = SpectralLossTest.sym(d, rng);
            DMatrixRMaj su = RandomMatrices.spd(d, 3, rng);
            DMatrixRMaj sv = RandomMatrices.spd(d, 3, rng);
            DMatrixRMaj suv = Mat.scale(0.3, SpectralLossTest.sym(d, rng));
            double tol = 1e-11 * Mat.frob(a) * Mat.frob(b) * Math.pow(1 + Mat.frob(su) + Mat.frob(sv), 2);
            double iss = GaussianMoments.bilinearIsserlis(a, b, su, sv, suv);
            double means = GaussianMoments.bilinearMean(a, suv) * GaussianMoments.bilinearMean(b, suv);
            assertEquals(iss, GaussianMoments.bilinearPaper(a, b, su, sv, suv), tol);
            assertEquals(iss - means, GaussianMoments.bilinearCovPaper(a, b, su, sv, suv), tol);
            assertEquals(iss, GaussianMoments.bilinearGeneral(a, b, su, sv, suv), tol);
            double q = GaussianMoments.quadraticIsserlis(a, b, su);
            assertEquals(q, GaussianMoments.quadraticPaper(a, b, su), tol);
            assertEquals(q - Mat.trace(Mat.mult(a, su)) * Mat.trace(Mat.mult(b, su)),
                    GaussianMoments.quadraticCovPaper(a, b, su), tol);
            // our general formula also holds for non-symmetric A, B and Sigma_UV
            DMatrixRMaj ga = RandomMatrices.gaussian(d, d, rng);
            DMatrixRMaj gb = RandomMatrices.gaussian(d, d, rng);
            DMatrixRMaj gsuv = Mat.scale(0.3, RandomMatrices.gaussian(d, d, rng));
            assertEquals(GaussianMoments.bilinearIsserlis(ga, gb, su, sv, gsuv),
                    GaussianMoments.bilinearGeneral(ga, gb, su, sv, gsuv),
                    1e-11 * Mat.frob(ga) * Mat.frob(gb) * Math.pow(1 + Mat.frob(su) + Mat.frob(sv) + Mat.frob(gsuv), 2));
        }
    }

    @Test
    void sampleQuantileInterpolatesTheSortedSample() {
        double[] sample = {3, 1, 4, 0, 2};
        assertEquals(0, LimitComparison.quantile(sample, 0), 0);
        assertEquals(4, LimitComparison.quantile(sample, 1), 0);
        assertEquals(2, LimitComparison.quantile(sample, 0.5), 0);
        assertEquals(1.2, LimitComparison.quantile(sample, 0.3), 1e-15);
        assertEquals(3.6, LimitComparison.quantile(sample, 0.9), 1e-15);
        assertEquals(3, sample[0], 0, "the sample is not sorted in place");
    }

    @Test
    void weightedChiSquareReferenceHasTheRightMeanAndQuantiles() {
        LimitComparison one = LimitComparison.of(new double[] {1});
        assertEquals(1, one.mean(), 1e-14);
        assertEquals(0.454936423119572, one.quantile(0.5), 1e-9); // median of chi2_1
        assertEquals(3.841458820694124, one.quantile(0.95), 1e-8);
        LimitComparison two = LimitComparison.of(new double[] {2, 0.5});
        assertEquals(2.5, two.mean(), 1e-14);
        // 2 chi2_1 + 0.5 chi2_1' >= 2 chi2_1, so its quantiles lie above those of 2 chi2_1
        assertTrue(two.quantile(0.9) > 2 * 2.705543454095404, "q_0.9 = " + two.quantile(0.9));
        assertTrue(two.quantile(0.5) > 2 * 0.454936423119572 && two.quantile(0.5) < two.quantile(0.9));
    }

    @Test
    void randomInstancesHaveThePromisedSpectra() {
        Rng rng = Rng.of(8);
        for (int t = 0; t < 30; t++) {
            int d = 3 + t % 4;
            int k = 1 + t % (d - 1);
            boolean rankK = t % 3 == 0;
            SpectralModel model = SpectralInstances.random(d, k, rankK, rng);
            assertTrue(Mat.cond(model.sigmaPre()) <= 4 * (1 + 1e-9), "cond(Sigma_pre) <= 4");
            double[] c = model.whitenedEigenvalues();
            for (int i = 0; i < d; i++) {
                if (i < k) {
                    assertTrue(c[i] >= 0.55 - 1e-9 && c[i] <= 0.95 + 1e-9, "top eigenvalue " + c[i]);
                } else if (rankK) {
                    assertEquals(0, c[i], 1e-9);
                } else {
                    assertTrue(c[i] >= -0.4 - 1e-9 && c[i] <= 0.4 + 1e-9, "bottom eigenvalue " + c[i]);
                }
            }
        }
    }

    @Test
    void sectionRejectsAMatrixWhoseRangeIsOrthogonalToTheAnchor() {
        LocalSection section = LocalSection.at(Mat.col(1, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> section.apply(CommonOps_DDRM.diag(0, 1, 0)));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
    }

    @Test
    void projectorDerivativeValidatesKAndTheGapAtTheEdges() {
        DMatrixRMaj b = CommonOps_DDRM.diag(1, 0.5, 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectorDerivative.derivative(b, 3, Mat.identity(3)));
        assertTrue(e.getMessage().contains("1 <= k < d"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProjectorDerivative.derivative(b, 0, Mat.identity(3)));
        assertTrue(e.getMessage().contains("1 <= k < d"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProjectorDerivative.derivative(CommonOps_DDRM.diag(1, 0.5, 0.5), 2, Mat.identity(3)));
        assertTrue(e.getMessage().contains("eigengap"), e.getMessage());
    }

    @Test
    void descriptorSecondMomentComparison() {
        double[][] u = {{1, 2}, {-1, 0.5}, {0.5, -1}, {2, 1}};
        DMatrixRMaj s = new DMatrixRMaj(2, 2);
        for (double[] r : u) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    s.add(a, b, r[a] * r[b] / u.length);
                }
            }
        }
        double[] exact = DescriptorClt.compare(u, s);
        assertEquals(0, exact[0], 1e-12);
        assertEquals(0, exact[1], 1e-12);
        DMatrixRMaj off = s.copy();
        off.add(0, 1, 0.3);
        off.add(1, 0, 0.3);
        double[] p01 = new double[u.length];
        for (int r = 0; r < u.length; r++) {
            p01[r] = u[r][0] * u[r][1];
        }
        double[] shifted = DescriptorClt.compare(u, off);
        assertEquals(0.3 / MonteCarlo.of(p01).standardError(), shifted[0], 1e-9);
        assertEquals(Math.sqrt(2 * 0.09) / Mat.frob(off), shifted[1], 1e-12);
    }

    @Test
    void everyRegisteredCheckIsNamedAndStated() {
        Set<String> names = new HashSet<>();
        for (Check c : CheckSuite.checksOf("casestudies/spectral")) {
            String who = c.getClass().getSimpleName();
            assertFalse(c.name().isBlank(), who + " has no name");
            assertFalse(c.statement().isBlank(), who + " has no statement");
            assertTrue(names.add(c.claimId() + " / " + c.name()), who + " repeats a check name");
        }
    }
    @Test
    void matrixVectorProductAndDerivedQMean() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2, 3}, {-1, 0, 4}});
        double[] av = SpectralLoss.times(a, new double[] {1, -1, 2});
        assertEquals(5, av[0], 0);
        assertEquals(7, av[1], 0);
        // (H.41)-type mean of the Q limit: the derived closed form is the sum of the Riemannian weights of (1/2) Z^T H Z
        SpectralModel model = SpectralInstances.diagonalExample();
        double exact = SpectralLimit.sum(SpectralLimit.of(model).suboptimalityWeights());
        assertEquals(exact, DiagonalClosedForms.of(model).derivedQMean(), 1e-8 * exact);
    }

    @Test
    void minimiserReachesMStarOnThePopulationObjectiveWithItsTolerance() {
        Rng rng = Rng.of(17);
        // ||Sigma+||_F > 1, so the tolerance's scale factor max(1, ||S||) is not 1
        SpectralModel model = SpectralModel.diagonal(new double[] {3, 2.5}, new double[] {2}, new double[] {2.4, 1.8},
                new double[] {0.5}, new double[] {1, -0.5}, 1.0);
        assertTrue(Mat.frob(model.sigmaPlusPre()) > 2);
        QuarticObjective f = QuarticObjective.population(model);
        DMatrixRMaj mStart = SpectralInstances.near(model, 0.2, rng);
        SpectralFit fit = SpectralMinimiser.withTolerance(1e-9, 100).minimise(f, model.section().apply(mStart));
        assertEquals(1e-9 * Math.max(1, Mat.frob(model.sigmaPlusPre())), fit.tolerance(), 1e-24);
        assertTrue(fit.converged() && fit.riemannianGradNorm() <= fit.tolerance(), "certificate " + fit.riemannianGradNorm());
        assertEquals(0, Mat.dist(fit.m(), model.mStar()), 1e-6 * Mat.frob(model.mStar()));
    }

    @Test
    void horizontalProjectorRemovesTheOrbitDirections() {
        Rng rng = Rng.of(19);
        DMatrixRMaj a = RandomMatrices.gaussian(2, 4, rng);
        DMatrixRMaj p = SpectralMinimiser.horizontalProjector(a);
        DMatrixRMaj om = new DMatrixRMaj(new double[][] {{0, 1}, {-1, 0}});
        DMatrixRMaj orbit = Mat.mult(om, a);
        assertEquals(0, Mat.frob(Mat.mult(p, new DMatrixRMaj(8, 1, true, orbit.data))), 1e-12);
        assertEquals(0, Mat.dist(Mat.mult(p, p), p), 1e-12);
        assertEquals(7, Mat.trace(p), 1e-12);
        assertEquals(0, Mat.dist(SpectralMinimiser.horizontalProjector(RandomMatrices.gaussian(1, 4, rng)), Mat.identity(4)), 0);
    }

    @Test
    void downstreamModelCarriesTheNoiseAndTheTarget() {
        SpectralModel model = SpectralModel.corollary63(2, 4, 0.7);
        var down = SpectralProblem.of(model, "noise").downstream();
        assertEquals(4, down.inputDimension());
        assertEquals(0.7, down.noiseVariance(), 0);
        DMatrixRMaj ws = model.targetWeights();
        assertEquals(Mat.multTransA(ws, Mat.mult(model.sigmaDown(), ws)).get(0), down.targetSecondMoment(), 1e-14);
    }
}
