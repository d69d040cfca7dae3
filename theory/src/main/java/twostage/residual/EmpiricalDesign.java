package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Mat;
import twostage.linalg.PseudoInverse;
import twostage.random.Rng;

/**
 * The downstream estimation objects for one fixed feature operator F (D x p) and a design x_{1:n} (evaluation
 * matrix E, n x D) in a {@link FunctionSpace}: Phi_n = E F, Sigma = F^T G F, Sigma_n = Phi_n^T Phi_n / n, and the
 * terms of CF1 (Proposition B.1; Appendix G.3):
 * <ul>
 *   <li>Var_n = (sigma^2 / n) tr(Sigma Sigma_n^+) (Lemma G.19);</li>
 *   <li>Leak_n = delta^T Sigma delta with delta = Sigma_n^+ c_n - Sigma^+ c;</li>
 *   <li>under Im Sigma_n = Im Sigma: Leak_n = g^T Sigma_n^+ Sigma Sigma_n^+ g with g = (1/n) sum e(x_i) phi_i, and the
 *   whitened forms with C_n = Sigma^{+/2} Sigma_n Sigma^{+/2}.</li>
 * </ul>
 */
public final class EmpiricalDesign {

    private final FunctionSpace space;
    private final DMatrixRMaj features;
    private final DMatrixRMaj target;
    private final DMatrixRMaj eval;
    private final int n;
    private final DMatrixRMaj phiN;
    private final DMatrixRMaj sigma;
    private final DMatrixRMaj sigmaN;
    private final PseudoInverse sigmaPinv;
    private final PseudoInverse sigmaNPinv;

    public EmpiricalDesign(FunctionSpace space, DMatrixRMaj features, DMatrixRMaj target, DMatrixRMaj eval) {
        if (eval.numCols != space.dim() || features.numRows != space.dim() || target.numRows != space.dim()) {
            throw new IllegalArgumentException("features, target and evaluation matrix must match the space dimension "
                    + space.dim());
        }
        this.space = space;
        this.features = features.copy();
        this.target = target.copy();
        this.eval = eval;
        this.n = eval.numRows;
        this.phiN = Mat.mult(eval, features);
        this.sigma = space.gram(features, features);
        DMatrixRMaj sn = Mat.multTransA(phiN, phiN);
        CommonOps_DDRM.scale(1.0 / n, sn);
        FunctionSpace.symmetrize(sn);
        this.sigmaN = sn;
        this.sigmaPinv = PseudoInverse.of(sigma);
        this.sigmaNPinv = PseudoInverse.of(sigmaN);
    }

    /** Draws a fresh design of size n from the space's law. */
    public static EmpiricalDesign draw(FunctionSpace space, DMatrixRMaj features, DMatrixRMaj target, int n, Rng rng) {
        return new EmpiricalDesign(space, features, target, space.sampleDesign(n, rng));
    }

    public int n() { return n; }
    public DMatrixRMaj sigma() { return sigma.copy(); }
    public DMatrixRMaj sigmaN() { return sigmaN.copy(); }
    public DMatrixRMaj sigmaNPinv() { return sigmaNPinv.pinv().copy(); }
    public DMatrixRMaj phiN() { return phiN.copy(); }
    public DMatrixRMaj eval() { return eval; }
    public int rank() { return sigmaPinv.rank(); }
    public int rankN() { return sigmaNPinv.rank(); }

    /** Well-posedness (Assumption G.1 / Lemma G.15): rank Sigma_n = rank Sigma (then Im Sigma_n = Im Sigma). */
    public boolean wellPosed() {
        return rankN() == rank();
    }

    /** tr(Sigma Sigma_n^+). */
    public double traceRatio() {
        return Mat.trace(Mat.mult(sigma, sigmaNPinv.pinv()));
    }

    /** Var_n = (sigma^2 / n) tr(Sigma Sigma_n^+). */
    public double variance(double sigma2) {
        return sigma2 / n * traceRatio();
    }

    /** c = E[f* phi]. */
    public DMatrixRMaj c() {
        return space.gram(features, target);
    }

    /** c_n = (1/n) sum f*(x_i) phi_i. */
    public DMatrixRMaj cN() {
        return Mat.scale(1.0 / n, Mat.multTransA(phiN, Mat.mult(eval, target)));
    }

    /** The population residual e = (I - Pi) f*. */
    public DMatrixRMaj residual() {
        return Mat.sub(target, Mat.mult(space.projector(features), target));
    }

    /** Leak_n = delta^T Sigma delta, delta = Sigma_n^+ c_n - Sigma^+ c (CF1, no well-posedness needed). */
    public double leakage() {
        DMatrixRMaj delta = Mat.sub(Mat.mult(sigmaNPinv.pinv(), cN()), Mat.mult(sigmaPinv.pinv(), c()));
        return Mat.multTransA(delta, Mat.mult(sigma, delta)).get(0, 0);
    }

    /** g_n = (1/n) sum e(x_i) phi_i. */
    public DMatrixRMaj residualCorrelation() {
        return Mat.scale(1.0 / n, Mat.multTransA(phiN, Mat.mult(eval, residual())));
    }

    /** g^T Sigma_n^+ Sigma Sigma_n^+ g (Corollary F.1 form). */
    public double leakageResidualForm() {
        DMatrixRMaj u = Mat.mult(sigmaNPinv.pinv(), residualCorrelation());
        return Mat.multTransA(u, Mat.mult(sigma, u)).get(0, 0);
    }

    /** C_n = Sigma^{+/2} Sigma_n Sigma^{+/2}. */
    public DMatrixRMaj relativeCovariance() {
        DMatrixRMaj r = PsdRoots.pinvSqrt(sigma);
        DMatrixRMaj c = Mat.mult(r, sigmaN, r);
        FunctionSpace.symmetrize(c);
        return c;
    }

    /** ||C_n - P||_op with P the projector onto Im Sigma. */
    public double relativeDeviation() {
        return Mat.opNorm(Mat.sub(relativeCovariance(), PsdRoots.rangeProjector(sigma)));
    }

    /** C_n restricted to S = Im Sigma, in an orthonormal basis Q of S: Q^T C_n Q (r x r). */
    public DMatrixRMaj restrictedRelativeCovariance() {
        DMatrixRMaj q = PsdRoots.rangeBasis(sigma);
        DMatrixRMaj c = Mat.mult(Mat.transpose(q), relativeCovariance(), q);
        FunctionSpace.symmetrize(c);
        return c;
    }

    /** tr((C_n|_S)^{-1}), the whitened form of tr(Sigma Sigma_n^+) (proof of Lemma G.17). */
    public double whitenedTrace() {
        DMatrixRMaj c = restrictedRelativeCovariance();
        DMatrixRMaj inv = c.copy();
        if (!CommonOps_DDRM.invert(inv)) {
            return Double.POSITIVE_INFINITY;
        }
        return Mat.trace(inv);
    }

    /** sqrt(n) g~ = sqrt(n) Sigma^{+/2} g_n. */
    public DMatrixRMaj whitenedCorrelation() {
        return Mat.scale(Math.sqrt(n), Mat.mult(PsdRoots.pinvSqrt(sigma), residualCorrelation()));
    }

    /** (sqrt(n) g~)^T (C_n|_S)^{-2} (sqrt(n) g~), the whitened form of n Leak_n (proof of Prop G.22). */
    public double whitenedScaledLeakage() {
        DMatrixRMaj q = PsdRoots.rangeBasis(sigma);
        DMatrixRMaj c = restrictedRelativeCovariance();
        DMatrixRMaj inv = c.copy();
        if (!CommonOps_DDRM.invert(inv)) {
            return Double.POSITIVE_INFINITY;
        }
        DMatrixRMaj y = Mat.mult(inv, Mat.multTransA(q, whitenedCorrelation()));
        return Mat.multTransA(y, y).get(0, 0);
    }
}
