package twostage.residual;

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
import twostage.toy.ToyRegular;

/** Unit and property tests of the Appendix G toolkit: slopes, function spaces, curves, residual map, designs. */
class ResidualToolkitTest {

    @Test
    void slopeOfPowersIsTheExponent() {
        assertEquals(2.0, TaylorSlope.of(h -> 3 * h * h).slope(), 1e-9);
        assertEquals(1.0, TaylorSlope.of(h -> 0.5 * h).slope(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, TaylorSlope.of(h -> 0.0).slope());
    }

    @Test
    void slopeRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> TaylorSlope.fit(new double[] {1, 2}, new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> TaylorSlope.fit(new double[] {-1, 2}, new double[] {1, 1}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> TaylorSlope.fit(new double[] {1, 2}, new double[] {Double.NaN, 1}, 0));
    }

    @Test
    void functionSpaceRejectsBadLaws() {
        DMatrixRMaj notPd = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});
        assertThrows(IllegalArgumentException.class, () -> FunctionSpace.gaussianLinear(notPd));
        DMatrixRMaj nan = new DMatrixRMaj(new double[][] {{1, Double.NaN}, {Double.NaN, 1}});
        assertThrows(IllegalArgumentException.class, () -> FunctionSpace.gaussianLinear(nan));
        assertThrows(IllegalArgumentException.class, () -> FunctionSpace.finiteSupport(new double[] {0.5, 0.6}));
        assertThrows(IllegalArgumentException.class, () -> FunctionSpace.finiteSupport(new double[] {1.5, -0.5}));
        assertThrows(IllegalArgumentException.class,
                () -> FunctionSpace.finiteSupportUniform(3).sampleDesign(0, Rng.of(1)));
    }

    @Test
    void projectorsAreIdempotentAndSelfAdjoint() {
        Property.forAll("L2 projector", rng -> {
            FunctionSpace sp = rng.nextDouble() < 0.5 ? FunctionSpace.gaussianLinear(RandomMatrices.spd(5, 10, rng))
                    : FunctionSpace.finiteSupportUniform(5);
            return new Object[] {sp, RandomMatrices.gaussian(5, rng.nextInt(1, 3), rng)};
        }, o -> {
            FunctionSpace sp = (FunctionSpace) o[0];
            DMatrixRMaj p = sp.projector((DMatrixRMaj) o[1]);
            assertTrue(Mat.dist(Mat.mult(p, p), p) < 1e-10);
            DMatrixRMaj gp = Mat.mult(sp.gram(), p);
            assertTrue(Mat.dist(gp, Mat.transpose(gp)) < 1e-10);
            assertEquals(1.0, sp.opNorm(p), 1e-10);
        });
    }

    @Test
    void pseudoInverseDerivativeReducesToInverseDerivativeAtFullRank() {
        Rng rng = Rng.of(7);
        DMatrixRMaj a = RandomMatrices.spd(4, 5, rng);
        DMatrixRMaj h = RandomMatrices.gaussian(4, 4, rng);
        RandomMatrices.symmetrize(h);
        DMatrixRMaj inv = PseudoInverse.pinv(a);
        assertTrue(Mat.dist(PseudoInverseDerivative.of(a, h), Mat.scale(-1, Mat.mult(inv, h, inv))) < 1e-10);
        assertThrows(IllegalArgumentException.class,
                () -> PseudoInverseDerivative.of(a, RandomMatrices.gaussian(4, 4, Rng.of(3))));
        assertThrows(IllegalArgumentException.class, () -> PseudoInverseDerivative.of(a, Mat.identity(3)));
    }

    @Test
    void toyRegularResidualMatchesClosedForms() {
        ResidualMap r = ToyResiduals.regular();
        for (double w : new double[] {-0.7, 0.01, 0.3, 2}) {
            assertEquals(ToyRegular.representationError(w), r.rep(new double[] {w}), 1e-13);
            assertEquals(Math.abs(w), r.space().norm(r.linear(new double[] {w})), 1e-13);
        }
        assertEquals(0, r.kernel().numCols);
    }

    @Test
    void toyNonRegularHasOneNullDirectionAndActiveSpan() {
        ResidualMap r = ToyResiduals.nonRegular();
        assertEquals(1, r.kernel().numCols);
        assertEquals(1, r.space().rank(r.nullSpan(new double[] {0.2})));
        assertTrue(r.nullSpanDistance(new double[] {0.2}) < 1e-12);
    }

    @Test
    void curvesRejectBadInput() {
        GaussianLinearCurve c = GaussianLinearCurve.fromToy(ToyRegular.standard());
        assertThrows(IllegalArgumentException.class, () -> c.features(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> c.features(new double[] {Double.NaN}));
        Rng rng = Rng.of(5);
        assertThrows(IllegalArgumentException.class, () -> new TanhCurve("bad", FunctionSpace.finiteSupportUniform(4),
                RandomMatrices.gaussian(4, 2, rng), RandomMatrices.gaussian(2, 1, rng), true));
        assertThrows(IllegalArgumentException.class, () -> new TanhCurve("bad", FunctionSpace.finiteSupportUniform(4),
                RandomMatrices.gaussian(3, 2, rng), RandomMatrices.gaussian(2, 2, rng), false));
    }

    @Test
    void tanhDerivativeMatchesCentralDifferences() {
        Property.forAll("tanh curve derivative", rng -> Instances.tanhOnSupport(rng, 10, 3, 2, true, 2), c -> {
            double[] v = {0.3, -0.8};
            double h = 1e-6;
            DMatrixRMaj fd = Mat.scale(1 / (2 * h), Mat.sub(c.features(Instances.scaled(h, v)),
                    c.features(Instances.scaled(-h, v))));
            assertTrue(Mat.dist(fd, c.derivative(v)) < 1e-7 * (1 + Mat.frob(fd)));
        });
    }

    @Test
    void compatibleWellPosedDesignHasNoLeakage() {
        Property.forAll("no leakage at a compatible well-posed design", rng -> {
            GaussianLinearCurve c = Instances.curvedGaussian(rng, 4, 2, 1);
            DMatrixRMaj f = c.featuresAtTruth();
            return EmpiricalDesign.draw(c.space(), f, Mat.mult(f, Mat.col(1, -2)), 10, rng);
        }, e -> {
            assertTrue(e.wellPosed());
            assertTrue(Math.abs(e.leakage()) < 1e-10);
            assertEquals(e.traceRatio(), e.whitenedTrace(), 1e-9 * e.traceRatio());
            assertEquals(0.5 / 10 * e.traceRatio(), e.variance(0.5), 1e-14);
        });
        FunctionSpace sp = FunctionSpace.finiteSupportUniform(3);
        assertThrows(IllegalArgumentException.class,
                () -> new EmpiricalDesign(sp, new DMatrixRMaj(4, 1), new DMatrixRMaj(3, 1), new DMatrixRMaj(2, 3)));
    }

    @Test
    void psdRootsRejectIndefiniteAndInvertOnTheRange() {
        assertThrows(IllegalArgumentException.class,
                () -> PsdRoots.sqrt(new DMatrixRMaj(new double[][] {{1, 0}, {0, -1}})));
        DMatrixRMaj s = RandomMatrices.psdOfRank(5, 3, Rng.of(11));
        DMatrixRMaj r = PsdRoots.pinvSqrt(s);
        assertTrue(Mat.dist(Mat.mult(r, r), PseudoInverse.pinv(s)) < 1e-8 * Mat.frob(PseudoInverse.pinv(s)));
        assertEquals(2, PsdRoots.kernelBasis(s).numCols);
        assertEquals(3, PsdRoots.rangeBasis(s).numCols);
    }
}
