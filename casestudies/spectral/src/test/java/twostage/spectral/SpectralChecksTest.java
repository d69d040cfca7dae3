package twostage.spectral;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import twostage.testing.CheckSuite;

class SpectralChecksTest {

    @TestFactory
    Stream<DynamicTest> checks() {
        return CheckSuite.dynamicTests("casestudies/spectral");
    }
}
