package twostage.factor;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import twostage.testing.CheckSuite;

/** Runs every registered check of the factor case study and records it in the ledger. */
class FactorChecksTest {

    @TestFactory
    Stream<DynamicTest> checks() {
        return CheckSuite.dynamicTests("casestudies/factor");
    }
}
