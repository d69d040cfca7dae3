package twostage.properties;

import java.util.ArrayList;
import java.util.List;
import twostage.toy.ToyNonRegular;
import twostage.toy.ToyRegular;
import twostage.toy.ToySignFlip;

/** Every instance of the two-stage contract present in the code, one per symmetry group at least. */
public final class Subjects {

    private Subjects() {
    }

    public static List<Subject<?>> all() {
        List<Subject<?>> out = new ArrayList<>();
        out.add(Subject.gaussianNearTruth("Toy-R (trivial group)", ToyRegular.standard(), false));
        out.add(Subject.gaussianNearTruth("Toy-NR (trivial group)", ToyNonRegular.correlated(), false));
        out.add(Subject.gaussianNearTruth("Toy sign flip (Z_2)", ToySignFlip.standard(), true));
        return out;
    }
}
