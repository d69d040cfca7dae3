package twostage.properties;

import java.util.ArrayList;
import java.util.List;
import twostage.factor.FactorModel;
import twostage.factor.FactorProblem;
import twostage.gmm.MixtureInstance;
import twostage.gmm.MixtureProblem;
import twostage.random.Rng;
import twostage.spectral.SpectralInstances;
import twostage.spectral.SpectralProblem;
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
        // case studies: fixed instances drawn from seeded generators (the seeds are part of the instance's name)
        out.add(Subject.gaussianNearTruth("spectral d=4 k=2 (O(2) on the left)",
                SpectralProblem.of(SpectralInstances.random(4, 2, false, Rng.of(41)), "spectral d=4 k=2"), true));
        out.add(Subject.gaussianNearTruth("factor d=5 k=2 (O(2) on the loading)",
                FactorProblem.of(FactorModel.random(5, new double[] {2.0, 0.8}, 1.0, 0.5, Rng.of(43))), true));
        out.add(Subject.gaussianNearTruth("mixture K=3 d=4 beta=2 (S_3 by relabelling)",
                MixtureProblem.of(MixtureInstance.paper(3, 4, 2.0, MixtureInstance.PAPER_SIGMA2), 2000, 2000, Rng.of(47)),
                true));
        return out;
    }
}
