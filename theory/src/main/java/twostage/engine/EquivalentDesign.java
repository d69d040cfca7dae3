package twostage.engine;

import org.ejml.data.DMatrixRMaj;
import twostage.random.Rng;

/**
 * Optional interface of a {@link DownstreamModel} whose design enters the conditional risk only through a small
 * sufficient statistic, so that a design of n inputs can be replaced by an equivalent one with few rows.
 *
 * <p>The conditional risk of min-norm OLS (CF1) depends on the design only through Sigma_n(w) = (1/n) Phi^T Phi and
 * c_n(w) = (1/n) Phi^T f*(X). An implementation returns an r x d matrix Xt (r may differ from n) such that, jointly over
 * all w, (1/r) psi(Xt, w)^T psi(Xt, w) and (1/r) psi(Xt, w)^T f*(Xt) have the law of the same statistics of n i.i.d.
 * inputs. Example: linear features and a linear target depend on X only through X^T X / n, a scaled Wishart matrix,
 * which a d-row Bartlett factor reproduces exactly in law at a cost independent of n.
 */
public interface EquivalentDesign {

    /** An r x d design equivalent in law to n i.i.d. inputs, in the sense above. */
    DMatrixRMaj sampleEquivalentDesign(int n, Rng rng);
}
