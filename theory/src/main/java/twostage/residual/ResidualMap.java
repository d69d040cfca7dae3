package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Checks;
import twostage.linalg.Mat;

/**
 * The residual and its linearisation (Appendix G.2, pp. 52-58) for a {@link FeatureCurve}:
 * <ul>
 *   <li>f* = T* theta* (compatible case) and the residual e_{exp(v)} = (I - Pi_v) f*, Rep = ||e||^2;</li>
 *   <li>N* = ker T*, E* = N*^perp, A_v = Im(T_v|E*), B_v = Im((I - Pi_{A_v}) T_v|N*);</li>
 *   <li>the first-order residual map (G.3) L(v) = -(I - Pi* - Pi_{B0}) DT*[v] theta*, for a given limit span B0.</li>
 * </ul>
 * Functions are D x 1 coordinate vectors of the curve's {@link FunctionSpace}.
 */
public final class ResidualMap {

    private final FeatureCurve curve;
    private final FunctionSpace space;
    private final DMatrixRMaj thetaStar;
    private final DMatrixRMaj target;
    private final DMatrixRMaj b0Span;
    private final DMatrixRMaj piStar;
    private final DMatrixRMaj piB0;
    private final DMatrixRMaj kernel;
    private final DMatrixRMaj identifiable;

    private ResidualMap(FeatureCurve curve, DMatrixRMaj thetaStar, DMatrixRMaj target, DMatrixRMaj b0Span) {
        this.curve = curve;
        this.space = curve.space();
        Checks.requireShape("theta*", thetaStar, curve.featureDimension(), 1);
        Checks.requireFinite("theta*", thetaStar);
        if (b0Span.numRows != space.dim()) {
            throw new IllegalArgumentException("B0 spanning set must have " + space.dim() + " rows");
        }
        this.thetaStar = thetaStar.copy();
        this.target = target.copy();
        this.b0Span = b0Span.copy();
        DMatrixRMaj tStar = curve.featuresAtTruth();
        this.piStar = space.projector(tStar);
        this.piB0 = space.projector(b0Span);
        DMatrixRMaj sigmaStar = space.gram(tStar, tStar);
        this.kernel = PsdRoots.kernelBasis(sigmaStar);
        this.identifiable = PsdRoots.rangeBasis(sigmaStar);
    }

    /** The compatible case f* = T* theta*, with the limit null span B0 spanned by the columns of {@code b0Span}. */
    public static ResidualMap compatible(FeatureCurve curve, DMatrixRMaj thetaStar, DMatrixRMaj b0Span) {
        return new ResidualMap(curve, thetaStar, Mat.mult(curve.featuresAtTruth(), thetaStar), b0Span);
    }

    /** The regular case B0 = {0}. */
    public static ResidualMap regular(FeatureCurve curve, DMatrixRMaj thetaStar) {
        return compatible(curve, thetaStar, new DMatrixRMaj(curve.space().dim(), 0));
    }

    /** An incompatible target f* = T* theta* + offset (a planted violation of e_{Omega*} = 0). */
    public ResidualMap withTargetOffset(DMatrixRMaj offset) {
        return new ResidualMap(curve, thetaStar, Mat.add(target, offset), b0Span);
    }

    /** The same curve and target seen through another admissible theta* (Lemma G.8). */
    public ResidualMap withThetaStar(DMatrixRMaj other) {
        return new ResidualMap(curve, other, target, b0Span);
    }

    /** The same curve with another assumed limit span (a planted wrong B0 in negative controls). */
    public ResidualMap withB0(DMatrixRMaj otherB0Span) {
        return new ResidualMap(curve, thetaStar, target, otherB0Span);
    }

    public FeatureCurve curve() { return curve; }
    public FunctionSpace space() { return space; }
    public DMatrixRMaj target() { return target.copy(); }
    public DMatrixRMaj thetaStar() { return thetaStar.copy(); }
    public DMatrixRMaj piStar() { return piStar.copy(); }
    public DMatrixRMaj piB0() { return piB0.copy(); }
    /** An orthonormal basis of N* = ker T* (p x dim N*). */
    public DMatrixRMaj kernel() { return kernel.copy(); }
    /** An orthonormal basis of E* (p x rank T*). */
    public DMatrixRMaj identifiable() { return identifiable.copy(); }

    /** Pi_v, the L^2 projector onto H_{exp(v)}. */
    public DMatrixRMaj projector(double[] v) {
        return space.projector(curve.features(v));
    }

    /** e_{exp(v)} = (I - Pi_v) f*. */
    public DMatrixRMaj residual(double[] v) {
        return Mat.sub(target, Mat.mult(projector(v), target));
    }

    /** Rep(exp(v)) = ||e_{exp(v)}||^2. */
    public double rep(double[] v) {
        double n = space.norm(residual(v));
        return n * n;
    }

    /** The exact identity of the proof of Lemma G.7: -(I - Pi_v)(T_v - T*) theta* (valid when f* = T* theta*). */
    public DMatrixRMaj residualIdentity(double[] v) {
        DMatrixRMaj h = Mat.mult(Mat.sub(curve.features(v), curve.featuresAtTruth()), thetaStar);
        return Mat.scale(-1, Mat.sub(h, Mat.mult(projector(v), h)));
    }

    /** h_v = DT*[v] theta*. */
    public DMatrixRMaj derivativeOfTarget(double[] v) {
        return Mat.mult(curve.derivative(v), thetaStar);
    }

    /** L(v) = -(I - Pi* - Pi_{B0}) DT*[v] theta* (G.3). */
    public DMatrixRMaj linear(double[] v) {
        DMatrixRMaj h = derivativeOfTarget(v);
        DMatrixRMaj kept = Mat.sub(h, Mat.add(Mat.mult(piStar, h), Mat.mult(piB0, h)));
        return Mat.scale(-1, kept);
    }

    /** A spanning set of A_v = Im(T_v|E*). */
    public DMatrixRMaj stableSpan(double[] v) {
        return Mat.mult(curve.features(v), identifiable);
    }

    /** A spanning set of B_v = Im((I - Pi_{A_v}) T_v|N*). */
    public DMatrixRMaj nullSpan(double[] v) {
        DMatrixRMaj tn = Mat.mult(curve.features(v), kernel);
        DMatrixRMaj pa = space.projector(stableSpan(v));
        return Mat.sub(tn, Mat.mult(pa, tn));
    }

    /** ||Pi_{B_v} - Pi_{B0}||_op on L^2. */
    public double nullSpanDistance(double[] v) {
        return space.opNorm(Mat.sub(space.projector(nullSpan(v)), piB0));
    }

    /** The spanning set of B0 this map assumes. */
    public DMatrixRMaj b0Span() {
        return b0Span.copy();
    }
}
