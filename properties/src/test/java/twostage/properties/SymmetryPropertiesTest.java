package twostage.properties;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import twostage.random.Rng;
import twostage.testing.Property;

/**
 * The symmetry properties as seeded JUnit property tests, one per (instance, property): a failing draw prints its
 * seed and the command that reruns exactly it ({@code -Dtwostage.replay=<seed>}); {@code -Dtwostage.tries} sets
 * the number of draws. Planted errors must make the same property fail.
 */
class SymmetryPropertiesTest {

    interface Prop {
        double violation(Subject<?> s, Rng rng);
    }

    static void holds(String name, Subject<?> s, Prop p) {
        Property.forAll(name + " [" + s.name() + "]", rng -> rng, rng -> {
            double v = p.violation(s, rng);
            assertTrue(v <= 1.0, name + ": violation " + v + " tolerance units");
        });
    }

    @TestFactory
    Stream<DynamicTest> symmetryProperties() {
        List<DynamicTest> out = new ArrayList<>();
        for (Subject<?> s : Subjects.all()) {
            out.add(DynamicTest.dynamicTest("descriptor invariance " + s.name(), () -> holds("descriptor invariance", s,
                    (x, r) -> OrbitProperties.descriptorInvariance(x, x.problem().descriptor(), r))));
            out.add(DynamicTest.dynamicTest("section on orbit " + s.name(),
                    () -> holds("section on orbit", s, OrbitProperties::sectionOnOrbit)));
            out.add(DynamicTest.dynamicTest("loss invariance " + s.name(),
                    () -> holds("loss invariance", s, OrbitProperties::lossInvariance)));
            out.add(DynamicTest.dynamicTest("equivariance " + s.name(),
                    () -> holds("equivariance", s, OrbitProperties::equivariance)));
            out.add(DynamicTest.dynamicTest("min-norm invariance " + s.name(), () -> holds("min-norm invariance", s,
                    (x, r) -> OrbitProperties.minNormInvariance(x, x.problem().representation(), r))));
            out.add(DynamicTest.dynamicTest("pipeline invariance " + s.name(),
                    () -> holds("pipeline invariance", s, OrbitProperties::pipelineInvariance)));
            if (s.symmetric()) {
                out.add(DynamicTest.dynamicTest("planted: skewed features break min-norm invariance " + s.name(),
                        () -> assertThrows(AssertionError.class, () -> holds("planted skew", s,
                                (x, r) -> OrbitProperties.minNormInvariance(x,
                                        PlantedErrors.skewed(x.problem().representation()), r)))));
                out.add(DynamicTest.dynamicTest("planted: non-invariant descriptor is caught " + s.name(),
                        () -> assertThrows(AssertionError.class, () -> holds("planted descriptor", s,
                                (x, r) -> OrbitProperties.descriptorInvariance(x,
                                        PlantedErrors.identityDescriptor(x.problem().descriptor()), r)))));
            }
        }
        return out.stream();
    }
}
