package twostage.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One check's ledger record as read back from JSON, with the folder its attachment paths are relative to.
 *
 * @param json    the record
 * @param baseDir the ledger folder it came from
 */
public record LedgerEntry(JsonNode json, Path baseDir) {

    public String id() {
        return json.path("id").asText();
    }

    public String status() {
        return json.path("status").asText();
    }
}
