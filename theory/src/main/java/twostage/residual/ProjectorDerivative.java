package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * The derivative of Omega -> Pi_Omega = T Sigma^+ T^adj at Omega* on a constant-rank region (Proposition G.14,
 * p. 61), by the product rule with D Sigma = DT^adj T + T^adj DT and D(Sigma^+) from (G.4):
 * DPi[v] = DT Sigma^+ T^adj + T D(Sigma^+)[DSigma] T^adj + T Sigma^+ DT^adj (a D x D matrix in the coordinates of the
 * curve's {@link FunctionSpace}; T^adj = T^T G).
 */
public final class ProjectorDerivative {

    private ProjectorDerivative() {
    }

    public static DMatrixRMaj of(FeatureCurve curve, double[] v) {
        return of(curve, v, true);
    }

    /**
     * With {@code middleTerm = false} the term T D(Sigma^+)[DSigma] T^adj is left out (a planted error). (The two
     * range-turning terms of (G.4) vanish inside T (.) T^adj because ker Sigma = ker T, so dropping only those would
     * not be an error here.)
     */
    public static DMatrixRMaj of(FeatureCurve curve, double[] v, boolean middleTerm) {
        FunctionSpace sp = curve.space();
        DMatrixRMaj g = sp.gram();
        DMatrixRMaj t = curve.featuresAtTruth();
        DMatrixRMaj dt = curve.derivative(v);
        DMatrixRMaj sigma = sp.gram(t, t);
        DMatrixRMaj dsigma = Mat.add(sp.gram(dt, t), sp.gram(t, dt));
        FunctionSpace.symmetrize(dsigma);
        DMatrixRMaj sp0 = PseudoInverse.pinv(sigma);
        DMatrixRMaj dsp = middleTerm ? PseudoInverseDerivative.of(sigma, dsigma)
                : new DMatrixRMaj(sigma.numRows, sigma.numCols);
        DMatrixRMaj tadj = Mat.multTransA(t, g);
        DMatrixRMaj dtadj = Mat.multTransA(dt, g);
        return Mat.add(Mat.add(Mat.mult(dt, sp0, tadj), Mat.mult(t, dsp, tadj)), Mat.mult(t, sp0, dtadj));
    }

    /** Taylor slope of ||Pi_{exp(tv)} - Pi* - t DPi[v]||_op over the default steps. */
    public static TaylorSlope slope(FeatureCurve curve, double[] v, boolean full) {
        FunctionSpace sp = curve.space();
        DMatrixRMaj p0 = sp.projector(curve.featuresAtTruth());
        DMatrixRMaj dp = of(curve, v, full);
        return TaylorSlope.of(t -> sp.opNorm(Mat.sub(sp.projector(curve.features(Instances.scaled(t, v))),
                Mat.add(p0, Mat.scale(t, dp)))));
    }
}
