package twostage.spectral;

import twostage.stats.LogLogSlope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.linalg.Mat;
import twostage.random.RandomMatrices;
import twostage.random.Rng;

class SpectralLossTest {

    static DMatrixRMaj sym(int d, Rng rng) {
        DMatrixRMaj h = RandomMatrices.gaussian(d, d, rng);
        RandomMatrices.symmetrize(h);
        return h;
    }

    @Test
    void lossInAEqualsLossInM() {
        Rng rng = Rng.of(1);
        SpectralModel model = SpectralModel.corollary63(2, 4, 1);
        double[] z = PositivePairSampler.of(model).sample(rng);
        DMatrixRMaj a = RandomMatrices.gaussian(2, 4, rng);
        assertEquals(SpectralLoss.loss(a, z), SpectralLoss.lossM(Mat.multTransA(a, a), z), 1e-10);
    }

    @Test
    void gradientAndHessianInMHaveTaylorSlopes() {
        Rng rng = Rng.of(2);
        int d = 4;
        SpectralModel model = SpectralModel.corollary63(2, d, 1);
        double[] z = PositivePairSampler.of(model).sample(rng);
        DMatrixRMaj m = sym(d, rng);
        DMatrixRMaj h0 = sym(d, rng);
        DMatrixRMaj h = Mat.scale(0.1 / Mat.frob(h0), h0);
        DMatrixRMaj g = SpectralLoss.gradientM(m, z);
        DMatrixRMaj hh = SpectralLoss.hessianM(h, z);
        double f0 = SpectralLoss.lossM(m, z);
        double s1 = LogLogSlope.taylor(t -> SpectralLoss.lossM(Mat.add(m, Mat.scale(t, h)), z) - f0 - t * Mat.inner(g, h), 1e-13);
        double s2 = LogLogSlope.taylor(t -> SpectralLoss.lossM(Mat.add(m, Mat.scale(t, h)), z) - f0 - t * Mat.inner(g, h)
                - 0.5 * t * t * Mat.inner(h, hh), 1e-13);
        assertEquals(2, s1, 0.15);
        assertTrue(Double.isNaN(s2) || s2 > 2.8, "second-order slope " + s2);
    }

    @Test
    void gradientAndHessianInAHaveTaylorSlopes() {
        Rng rng = Rng.of(3);
        SpectralModel model = SpectralModel.corollary63(2, 4, 1);
        double[] z = PositivePairSampler.of(model).sample(rng);
        DMatrixRMaj a = RandomMatrices.gaussian(2, 4, rng);
        DMatrixRMaj e0 = RandomMatrices.gaussian(2, 4, rng);
        DMatrixRMaj e = Mat.scale(0.1 / Mat.frob(e0), e0);
        DMatrixRMaj g = SpectralLoss.gradientA(a, z);
        DMatrixRMaj h = SpectralLoss.hessianA(a, z);
        DMatrixRMaj ev = new DMatrixRMaj(8, 1, true, e.data);
        double ehe = Mat.multTransA(ev, Mat.mult(h, ev)).get(0);
        double f0 = SpectralLoss.loss(a, z);
        double s1 = LogLogSlope.taylor(t -> SpectralLoss.loss(Mat.add(a, Mat.scale(t, e)), z) - f0 - t * Mat.inner(g, e), 1e-12);
        double s2 = LogLogSlope.taylor(t -> SpectralLoss.loss(Mat.add(a, Mat.scale(t, e)), z) - f0 - t * Mat.inner(g, e)
                - 0.5 * t * t * ehe, 1e-12);
        assertEquals(2, s1, 0.15);
        assertEquals(3, s2, 0.3);
    }

    @Test
    void quarticObjectiveIsTheEmpiricalMeanOfTheLoss() {
        Rng rng = Rng.of(4);
        SpectralModel model = SpectralModel.corollary63(2, 4, 1);
        DMatrixRMaj z = PositivePairSampler.of(model).sample(50, rng);
        QuarticObjective f = QuarticObjective.empirical(z);
        DMatrixRMaj a = RandomMatrices.gaussian(2, 4, rng);
        double mean = 0;
        for (int j = 0; j < 50; j++) {
            double[] zj = new double[12];
            System.arraycopy(z.data, j * 12, zj, 0, 12);
            mean += SpectralLoss.loss(a, zj) / 50;
        }
        assertEquals(mean, f.valueA(a), 1e-10 * Math.max(1, Math.abs(mean)));
        QuarticObjective p = QuarticObjective.population(model);
        DMatrixRMaj m = Mat.multTransA(a, a);
        assertEquals(model.populationLoss(m), p.value(m), 1e-10);
        assertEquals(0, Mat.dist(model.populationGradient(m), p.gradient(m)), 1e-10);
        DMatrixRMaj h = sym(4, rng);
        assertEquals(0, Mat.dist(model.populationHessian(h), p.hessian(h)), 1e-10);
    }

    @Test
    void empiricalMinimiserCarriesItsCertificate() {
        SpectralModel model = SpectralModel.corollary63(2, 4, 1);
        SpectralFit fit = SpectralEstimator.of(model).empirical(2000, Rng.of(5));
        assertTrue(fit.converged());
        assertTrue(fit.riemannianGradNorm() <= fit.tolerance());
        assertTrue(Mat.dist(fit.m(), model.mStar()) < 0.3, "M-hat near M*");
        // the empirical minimiser is not the population formula at sample moments
        QuarticObjective f = QuarticObjective.population(model);
        assertTrue(f.valueA(fit.a()) >= model.populationLoss(model.mStar()) - 1e-12);
        DMatrixRMaj q = CommonOps_DDRM.identity(2);
        q.set(0, 0, -1);
        QuarticObjective emp = QuarticObjective.empirical(PositivePairSampler.of(model).sample(100, Rng.of(6)));
        assertEquals(emp.valueA(fit.a()), emp.valueA(Mat.mult(q, fit.a())), 1e-10);
    }
}
