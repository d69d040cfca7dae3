package twostage.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.check.Check;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.RandomMatrices;
import twostage.random.Rng;
import twostage.testing.CheckSuite;

/** Closed forms of the factor model against a second matrix route, and input validation (written against PIT survivors). */
class FactorIdentitiesTest {

    @Test
    void generatorHasThePrescribedSpectrumAndCoefficientNorm() {
        Rng rng = Rng.of(3);
        for (int t = 0; t < 10; t++) {
            double[] s = {2 + rng.nextDouble(), 0.5 + rng.nextDouble()};
            FactorModel m = FactorModel.random(4 + t % 3, s, 1.7, 0.2, rng);
            double[] sig = m.sigmas();
            assertEquals(s[0] * s[0], sig[0], 1e-10 * sig[0]);
            assertEquals(s[1] * s[1], sig[1], 1e-10 * sig[0]);
            assertEquals(1.7, Math.sqrt(FactorModel.quad(m.betaStar(), Mat.identity(2))), 1e-12);
            assertEquals(0, Mat.dist(Mat.multTransB(m.aStar(), m.aStar()), m.mStar()), 1e-12 * sig[0]);
            assertEquals(0, Mat.dist(Mat.add(Mat.identity(m.d()), m.mStar()), m.sigmaX()), 0);
            assertEquals(0, Mat.dist(Mat.mult(m.sigmaX(), m.sigmaXInverse()), Mat.identity(m.d())), 1e-12 * sig[0]);
            // U1, U2: orthonormal eigenvectors of M* for sigma and for 0
            assertEquals(0, Mat.dist(Mat.mult(m.mStar(), m.u2()), new DMatrixRMaj(m.d(), m.d() - 2)), 1e-10 * sig[0]);
            DMatrixRMaj mu1 = Mat.mult(m.mStar(), m.u1());
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < m.d(); i++) {
                    assertEquals(sig[j] * m.u1().get(i, j), mu1.get(i, j), 1e-10 * sig[0]);
                }
            }
        }
    }

    @Test
    void corollary64ConstantsEqualTheirMatrixForms() {
        Rng rng = Rng.of(9);
        for (int t = 0; t < 10; t++) {
            FactorModel m = FactorModel.random(5, new double[] {1 + 3 * rng.nextDouble(), 0.3 + rng.nextDouble()},
                    1 + rng.nextDouble(), 0.1, rng);
            double[] ab = Linalg.flat(Mat.mult(m.aStar(), Mat.col(m.betaStar())));
            // kappa_printed = (A b)^T Sigma_x^-1 (A b); kappa_derived = (A b)^T (M*^+)^2 Sigma_x^-1 (A b)
            double printed = FactorModel.quad(ab, m.sigmaXInverse());
            DMatrixRMaj pinv = PseudoInverse.pinv(m.mStar());
            double derived = FactorModel.quad(ab, Mat.mult(pinv, pinv, m.sigmaXInverse()));
            assertEquals(printed, m.kappaPrinted(), 1e-10 * printed);
            assertEquals(derived, m.kappaDerived(), 1e-9 * derived);
            // w* = Sigma_x^-1 A* beta*, and E f*(X)^2 = w*^T Sigma_x w* = (A b)^T Sigma_x^-1 (A b)
            double[] w = Linalg.flat(Mat.mult(m.sigmaXInverse(), Mat.col(ab)));
            assertEquals(0, Mat.dist(Mat.col(w), Mat.col(m.wStar())), 1e-12 * (1 + Mat.frob(Mat.col(w))));
            assertEquals(printed, m.targetSecondMoment(), 1e-10 * printed);
            // |a| = |A* beta*| since A* beta* lies in range(U1)
            assertEquals(Mat.frob(Mat.col(ab)), Mat.frob(Mat.col(m.a())), 1e-10 * Mat.frob(Mat.col(ab)));
        }
    }

    @Test
    void featureMatrixAndRepresentationErrorIdentities() {
        Rng rng = Rng.of(12);
        FactorModel m = FactorModel.random(5, new double[] {2, 1}, 1.3, 0.1, rng);
        DMatrixRMaj a = m.aStar();
        // push-through: A^T (I_d + A A^T)^-1 = (I_k + A^T A)^-1 A^T
        DMatrixRMaj w = FactorModel.featureMatrix(a);
        DMatrixRMaj pushed = Mat.mult(Linalg.spdInverse(Mat.add(Mat.identity(2), Mat.multTransA(a, a))), Mat.transpose(a));
        assertEquals(0, Mat.dist(w, pushed), 1e-12);
        // the true features carry the whole target, features orthogonal to the signal carry none of it
        double target = m.targetSecondMoment();
        assertEquals(0, m.rep(w), 1e-12 * target);
        assertEquals(0, m.rep(Mat.identity(5)), 1e-12 * target);
        assertEquals(target, m.rep(Mat.transpose(m.u2())), 1e-12 * target);
        DMatrixRMaj g = RandomMatrices.gaussian(1, 5, rng);
        double r = m.rep(g);
        assertTrue(r >= 0 && r <= target, "Rep of a one-dimensional feature " + r);
        assertEquals(0, Mat.dist(m.crossMoment(w, g), Mat.mult(w, Mat.multTransB(m.sigmaX(), g))), 1e-12);
        assertEquals(0, Mat.dist(m.targetMoment(w), Mat.mult(w, Mat.col(Linalg.flat(Mat.mult(a, Mat.col(m.betaStar())))))),
                1e-12);
        assertEquals(m.k(), PpcaEstimator.fit(m.sigmaX(), 2).rank());
    }

    @Test
    void ppcaEstimatorIsExactAtThePopulationAndCountsItsRank() {
        Rng rng = Rng.of(4);
        FactorModel m = FactorModel.random(6, new double[] {3, 0.7}, 1, 0.1, rng);
        PpcaEstimator fit = PpcaEstimator.fit(m.sigmaX(), 2);
        assertEquals(0, Mat.dist(fit.m(), m.mStar()), 1e-10 * Mat.frob(m.mStar()));
        assertEquals(0, Mat.dist(Mat.multTransB(fit.a(), fit.a()), m.mStar()), 1e-10 * Mat.frob(m.mStar()));
        assertEquals(2, fit.rank());
        // eigenvalues 2.5, 1, 0.4 with k = 2: one factor above the noise floor 1, the second truncated to 0
        PpcaEstimator trunc = PpcaEstimator.fit(CommonOps_DDRM.diag(0.4, 2.5, 1), 2);
        assertEquals(1, trunc.rank());
        assertTrue(Arrays.equals(new double[] {2.5, 1}, trunc.lambdas()), Arrays.toString(trunc.lambdas()));
        assertEquals(0, Mat.dist(trunc.m(), CommonOps_DDRM.diag(0, 1.5, 0)), 1e-12);
        assertEquals(0, Mat.dist(trunc.featureMatrix(), FactorModel.featureMatrix(trunc.a())), 0);
    }

    @Test
    void linalgHelpers() {
        Rng rng = Rng.of(6);
        DMatrixRMaj s = RandomMatrices.spd(4, 20, rng);
        assertEquals(0, Mat.dist(Mat.mult(s, Linalg.spdInverse(s)), Mat.identity(4)), 1e-11 * Mat.cond(s));
        double logDet = 0;
        for (double v : twostage.linalg.SymmetricEigen.of(s).values()) {
            logDet += Math.log(v);
        }
        assertEquals(logDet, Linalg.logDetSpd(s), 1e-12 * (1 + Math.abs(logDet)));
        assertEquals(Math.log(6), Linalg.logDetSpd(CommonOps_DDRM.diag(1, 2, 3)), 1e-14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Linalg.logDetSpd(CommonOps_DDRM.diag(1, 0, 3)));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Linalg.spdInverse(CommonOps_DDRM.diag(1, -1)));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Linalg.unflat(new double[5], 2, 3));
        assertTrue(e.getMessage().contains("2x3"), e.getMessage());
        assertEquals(0, Mat.dist(Linalg.unflat(new double[] {1, 2, 3, 4, 5, 6}, 2, 3),
                new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}})), 0);
        DMatrixRMaj a = RandomMatrices.gaussian(5, 3, rng);
        DMatrixRMaj q = Linalg.orthonormalBasis(a);
        assertEquals(0, Mat.dist(Mat.multTransA(q, q), Mat.identity(3)), 1e-13);
        // same column space: q q^T a = a
        assertEquals(0, Mat.dist(Mat.mult(Mat.multTransB(q, q), a), a), 1e-12 * Mat.frob(a));
        assertEquals(0, Linalg.subspaceDistance(q, Linalg.orthonormalBasis(Mat.mult(a, RandomMatrices.spd(3, 5, rng)))),
                1e-12);
        // e1 versus (cos t, sin t, 0): the largest principal-angle sine is |sin t|
        assertEquals(Math.sin(0.3), Linalg.subspaceDistance(Mat.col(1, 0, 0), Mat.col(Math.cos(0.3), Math.sin(0.3), 0)),
                1e-13);
        DMatrixRMaj dependent = new DMatrixRMaj(new double[][] {{1, 2}, {1, 2}, {1, 2}});
        e = assertThrows(IllegalArgumentException.class, () -> Linalg.orthonormalBasis(dependent));
        assertTrue(e.getMessage().contains("full column rank"), e.getMessage());
        DMatrixRMaj f = Linalg.apply(CommonOps_DDRM.diag(4, 9), Math::sqrt);
        assertEquals(0, Mat.dist(f, CommonOps_DDRM.diag(2, 3)), 1e-14);
    }

    @Test
    void scaledChiSquareLaw() {
        LimitDistribution chi = LimitDistribution.scaledChiSquare("chi2_1", 0, 1, 1);
        assertEquals(1, chi.mean(), 0);
        assertEquals(0.454936423119572, chi.quantile(0.5), 1e-9);
        LimitDistribution law = LimitDistribution.scaledChiSquare("shifted", 2, 0.5, 3);
        assertEquals(2 + 0.5 * 3, law.mean(), 1e-15);
        assertEquals(2 + 0.5 * 7.814727903251178, law.quantile(0.95), 1e-9);
        assertEquals(0.95, law.cdf(2 + 0.5 * 7.814727903251178), 1e-12);
        assertEquals(0, law.cdf(1.9), 0);
        assertEquals("shifted", law.label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LimitDistribution.scaledChiSquare("bad", 0, 0, 1));
        assertTrue(e.getMessage().contains("scale > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LimitDistribution.scaledChiSquare("bad", 0, 1, 0));
        assertTrue(e.getMessage().contains("dof >= 1"), e.getMessage());
    }

    @Test
    void wishartSamplerDimensionsAndValidation() {
        WishartSampler w = WishartSampler.of(CommonOps_DDRM.diag(1, 2, 3));
        assertEquals(3, w.dimension());
        DMatrixRMaj x = w.draws(4, Rng.of(1));
        assertEquals(4, x.numRows);
        assertEquals(3, x.numCols);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.direct(0, Rng.of(1)));
        assertTrue(e.getMessage().contains("m must be >= 1"), e.getMessage());
        // m = d is the smallest size the Bartlett decomposition accepts
        assertEquals(3, w.bartlett(3, Rng.of(2)).numRows);
    }

    @Test
    void everyRegisteredCheckIsNamedAndStated() {
        Set<String> names = new HashSet<>();
        for (Check c : CheckSuite.checksOf("casestudies/factor")) {
            assertFalse(c.name().isBlank() || c.statement().isBlank(), c.getClass().getSimpleName());
            assertTrue(names.add(c.claimId() + " / " + c.name()), c.getClass().getSimpleName() + " repeats a name");
        }
    }
    @Test
    void validatorsNameTheViolatedCondition() {
        FactorModel m = FactorModel.of(new DMatrixRMaj(new double[][] {{1}, {0.5}, {0}}), new double[] {1}, 0.1);
        FactorProblem p = FactorProblem.of(m);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactorProblem.loading(new double[] {1, Double.NaN, 0}, 3, 1));
        assertTrue(e.getMessage().contains("w = vec(A)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FactorProblem.loading(new double[2], 3, 1));
        assertTrue(e.getMessage().contains("d*k=3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> p.representation().features(new double[] {1, 0.5, 0}, new DMatrixRMaj(2, 4)));
        assertTrue(e.getMessage().contains("inputs X"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PpcaLikelihood.lossM(CommonOps_DDRM.diag(1, Double.NaN), Mat.identity(2)));
        assertTrue(e.getMessage().contains("M"), e.getMessage());
        assertEquals(3, p.downstream().inputDimension());
        assertEquals(1.5, new FactorPipeline.Outcome(0.25, 0.5, 0.75, 1).excess(), 0);
    }
}
