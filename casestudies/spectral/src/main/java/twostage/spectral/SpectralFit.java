package twostage.spectral;

import org.ejml.data.DMatrixRMaj;

/**
 * The result of minimising a spectral objective over A in R^{k x d}.
 *
 * @param a                    the minimiser A-hat (k x d)
 * @param m                    M-hat = A-hat^T A-hat
 * @param value                the objective at A-hat
 * @param riemannianGradNorm   certificate: ||P_T grad_M F(M-hat)||_F at the returned point
 * @param tolerance            the tolerance the certificate was required to meet
 * @param iterations           Newton iterations used
 * @param converged            whether the certificate met the tolerance
 */
public record SpectralFit(DMatrixRMaj a, DMatrixRMaj m, double value, double riemannianGradNorm, double tolerance,
                          int iterations, boolean converged) {
}
