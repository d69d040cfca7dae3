package twostage.residual;

import org.ejml.data.DMatrixRMaj;
import twostage.engine.TwoStageProblem;
import twostage.linalg.Mat;
import twostage.toy.ToyNonRegular;
import twostage.toy.ToyRegular;

/**
 * The residual maps of the toy instances (claims.md section 4, classes of package {@code twostage.toy}) with their
 * limit null spans, in G-GAUSS coordinates (linear functions u^T x):
 * <ul>
 *   <li>Toy-R: theta* = 1, B0 = {0};</li>
 *   <li>Toy-NR: theta* = (1, 0), N* = span(e_2), B0 = span{(I - Pi_{x_1}) x_2} (= span{x_2} when Sigma = I).</li>
 * </ul>
 */
public final class ToyResiduals {

    private ToyResiduals() {
    }

    public static ResidualMap regular() {
        return of(ToyRegular.standard());
    }

    public static ResidualMap nonRegular() {
        return of(ToyNonRegular.standard());
    }

    public static ResidualMap nonRegularCorrelated() {
        return of(ToyNonRegular.correlated());
    }

    /** Toy-NR with theta* = (1, t) (an admissible coefficient since T* e_2 = 0). */
    public static DMatrixRMaj nonRegularTheta(double t) {
        return Mat.col(1, t);
    }

    /** The residual map of a toy with target x_1 = T* e_1 and B0 = span{(I - Pi_{x_1}) x_2} if p = 2. */
    public static ResidualMap of(TwoStageProblem<?> toy) {
        GaussianLinearCurve c = GaussianLinearCurve.fromToy(toy);
        FunctionSpace sp = c.space();
        int p = c.featureDimension();
        DMatrixRMaj theta = new DMatrixRMaj(p, 1);
        theta.set(0, 0, 1);
        if (p == 1) {
            return ResidualMap.regular(c, theta);
        }
        DMatrixRMaj x1 = Mat.col(1, 0, 0);
        DMatrixRMaj x2 = Mat.col(0, 1, 0);
        DMatrixRMaj b0 = Mat.sub(x2, Mat.mult(sp.projector(x1), x2));
        return ResidualMap.compatible(c, theta, b0);
    }
}
