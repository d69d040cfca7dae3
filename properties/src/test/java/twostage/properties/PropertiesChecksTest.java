package twostage.properties;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import twostage.testing.CheckSuite;

/** Runs every registered property check and records it in the ledger. */
class PropertiesChecksTest {

    @TestFactory
    Stream<DynamicTest> propertyChecks() {
        return CheckSuite.dynamicTests("properties");
    }
}
