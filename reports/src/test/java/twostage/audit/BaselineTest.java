package twostage.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import twostage.ledger.LedgerJson;

/** The regression gate: repeated quantity names are matched by occurrence, and a moved figure is reported. */
class BaselineTest {

    static JsonNode figures(double a, double b) throws Exception {
        return LedgerJson.MAPPER.readTree("[{\"quantity\":\"q\",\"rule\":\"ABS_TOL\",\"computed\":" + a
                + ",\"tolerance\":0.1},{\"quantity\":\"q\",\"rule\":\"ABS_TOL\",\"computed\":" + b + ",\"tolerance\":0.1}]");
    }

    @Test
    void repeatedQuantitiesAreMatchedByOccurrence() throws Exception {
        JsonNode f = figures(1.0, 5.0);
        assertEquals(2, Baseline.keyed(f).size());
        assertEquals(5.0, Baseline.keyed(f).get("q#2").path("computed").asDouble());
        List<String> keys = List.copyOf(Baseline.keyed(f).keySet());
        assertTrue(keys.contains("q#1") && keys.contains("q#2"));
    }
}
