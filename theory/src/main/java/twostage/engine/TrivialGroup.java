package twostage.engine;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Mat;
import twostage.random.Rng;

/** The one-element group {e} acting trivially, with rho(e) = I_p: for instances without a symmetry. */
public final class TrivialGroup implements SymmetryGroup<TrivialGroup.Element> {

    /** The identity element, the only one. */
    public enum Element { E }

    private final int featureDimension;

    public TrivialGroup(int featureDimension) {
        if (featureDimension < 1) {
            throw new IllegalArgumentException("feature dimension p must be >= 1, got " + featureDimension);
        }
        this.featureDimension = featureDimension;
    }

    @Override public Element identity() { return Element.E; }
    @Override public Element compose(Element a, Element b) { return Element.E; }
    @Override public Element inverse(Element g) { return Element.E; }
    @Override public Element random(Rng rng) { return Element.E; }
    @Override public double[] act(Element g, double[] w) { return w.clone(); }
    @Override public DMatrixRMaj rho(Element g) { return Mat.identity(featureDimension); }
}
