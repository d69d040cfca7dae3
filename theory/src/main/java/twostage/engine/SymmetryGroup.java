package twostage.engine;

import org.ejml.data.DMatrixRMaj;
import twostage.random.Rng;

/**
 * A group G acting on representative coordinates, w to g.w, leaving the pre-training loss invariant (4.1), with a
 * homomorphism rho: G to O(p) such that psi(x, g.w) = rho(g) psi(x, w) (4.3).
 *
 * @param <G> the type of a group element
 */
public interface SymmetryGroup<G> {

    G identity();

    /** The product a b (first b, then a). */
    G compose(G a, G b);

    G inverse(G g);

    /** A random element (Haar for compact groups, uniform for finite ones; reflections included). */
    G random(Rng rng);

    /** g.w. */
    double[] act(G g, double[] w);

    /** rho(g), a p x p orthogonal matrix. */
    DMatrixRMaj rho(G g);
}
