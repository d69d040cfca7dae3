package twostage.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import twostage.claims.Catalogue;

/** The status is computed from the evidence, and IDs outside the catalogue are rejected. */
class CheckResultTest {

    private static CheckResult.Builder b() {
        return CheckResult.builder("Lemma C.4", "t");
    }

    @Test
    void statusFollowsEvidence() {
        assertEquals(Status.PASS, b().add(Evidence.zero("r", Role.CLAIM, 1e-14, 1e-10, "")).build().status());
        assertEquals(Status.DISCREPANCY, b().add(Evidence.zero("r", Role.CLAIM, 1e-3, 1e-10, "")).build().status());
        assertEquals(Status.FAIL, b().add(Evidence.zero("r", Role.CONTROL, 1e-3, 1e-10, "")).build().status());
        assertEquals(Status.FAIL, b().add(Evidence.info("only info", 1, "")).build().status(), "nothing compared");
        assertEquals(Status.NOT_CHECKABLE, b().notCheckable("existential").add(Evidence.zero("proxy", Role.CLAIM, 0, 1, ""))
                .build().status());
        assertEquals(Status.FAIL, b().error(new IllegalStateException("boom")).add(Evidence.zero("r", Role.CLAIM, 0, 1, ""))
                .build().status());
    }

    @Test
    void nanNeverPasses() {
        assertFalse(Evidence.close("x", Role.CLAIM, Double.NaN, 0, 1, "").passed());
        assertFalse(Evidence.withinSE("x", Role.CLAIM, Double.NaN, 0, 1, 4, "").passed());
        assertFalse(Evidence.atMost("x", Role.CLAIM, Double.NaN, 1, "").passed());
        assertFalse(Evidence.notRejected("x", Role.CLAIM, 0.1, Double.NaN, 1e-3, "").passed());
    }

    @Test
    void plantedErrorMustBeCaught() {
        Evidence caught = Evidence.zero("r", Role.CONTROL, 1.0, 1e-10, "");
        assertTrue(Evidence.plantedErrorCaught("wrong constant", caught).passed());
        Evidence missed = Evidence.zero("r", Role.CONTROL, 0.0, 1e-10, "");
        assertFalse(Evidence.plantedErrorCaught("wrong constant", missed).passed());
        Evidence nothing = Evidence.atMost("r", Role.CONTROL, Double.NaN, 1.0, "no instance recorded");
        assertFalse(Evidence.plantedErrorCaught("never ran", nothing).passed(), "a vacuous planted comparison is not a catch");
    }

    @Test
    void catalogueHasAllItemsAndRejectsUnknownIds() {
        assertEquals(85, Catalogue.standard().size());
        assertThrows(IllegalArgumentException.class, () -> Catalogue.standard().require("Lemma C.99"));
        assertThrows(IllegalArgumentException.class, () -> Catalogue.standard().require("lemma C.4"));
    }
}
