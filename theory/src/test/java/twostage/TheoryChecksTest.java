package twostage;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import twostage.testing.CheckSuite;

/** Runs every registered check of the theory module and records it in the ledger. */
class TheoryChecksTest {

    @TestFactory
    Stream<DynamicTest> theoryChecks() {
        return CheckSuite.dynamicTests("theory");
    }
}
