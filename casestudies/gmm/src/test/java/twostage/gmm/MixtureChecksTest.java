package twostage.gmm;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every registered check of casestudies/gmm as a dynamic test (fails only on FAIL). */
class MixtureChecksTest {

    @TestFactory
    Stream<DynamicTest> checks() {
        return twostage.testing.CheckSuite.dynamicTests("casestudies/gmm");
    }
}
