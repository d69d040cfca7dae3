package twostage.ls;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;

/**
 * The empirical effective dimension d_eff,n (Section C.5, p. 32) computed four ways: tr(Sigma_n^+ Sigma_n),
 * rank Sigma_n, rank Phi and tr H. Lemma C.12 says the four agree. Ranks use the pseudo-inverse's relative cut
 * {@link PseudoInverse#DEFAULT_REL_TOL}.
 *
 * @param traceSigmaNPinvSigmaN tr(Sigma_n^+ Sigma_n)
 * @param rankSigmaN            rank Sigma_n
 * @param rankPhi               rank Phi
 * @param traceHat              tr H
 */
public record EffectiveDimension(double traceSigmaNPinvSigmaN, int rankSigmaN, int rankPhi, double traceHat) {

    public static EffectiveDimension of(DMatrixRMaj phi) {
        MinNormOls.requireDesign(phi);
        DMatrixRMaj sigmaN = Mat.scale(1.0 / phi.numRows, Mat.multTransA(phi, phi));
        twostage.random.RandomMatrices.symmetrize(sigmaN);
        PseudoInverse sp = PseudoInverse.of(sigmaN);
        return new EffectiveDimension(Mat.trace(Mat.mult(sp.pinv(), sigmaN)), sp.rank(), PseudoInverse.of(phi).rank(),
                HatMatrix.of(phi).trace());
    }

    /** d_eff,n as the integer rank of Sigma_n. */
    public int value() {
        return rankSigmaN;
    }
}
