package twostage.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import twostage.ledger.LedgerJson;

/**
 * Writes audit results in the Allure 2 results format (one {@code <uuid>-result.json} per check with its evidence
 * CSV and attachments), so the Allure HTML can be generated beside the plain report. Status mapping: PASS passed,
 * FAIL failed, DISCREPANCY broken, NOT_CHECKABLE skipped (with the reason).
 */
final class AllureResults {

    private final Path dir;

    AllureResults(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    void write(ObjectNode r, Path ledgerDir) throws IOException {
        String uuid = UUID.nameUUIDFromBytes((r.path("id").asText() + "|" + r.path("check").asText())
                .getBytes(StandardCharsets.UTF_8)).toString();
        ObjectNode a = LedgerJson.MAPPER.createObjectNode();
        a.put("uuid", uuid);
        a.put("historyId", uuid);
        a.put("name", r.path("id").asText() + " - " + r.path("check").asText());
        a.put("fullName", r.path("module").asText() + ": " + r.path("id").asText() + " - " + r.path("check").asText());
        String st = switch (r.path("status").asText()) {
            case "PASS" -> "passed";
            case "FAIL" -> "failed";
            case "DISCREPANCY" -> "broken";
            default -> "skipped";
        };
        a.put("status", st);
        a.putObject("statusDetails").put("message", r.path("status").asText() + ": " + r.path("explanation").asText())
                .put("trace", r.path("error").asText(""));
        a.put("stage", "finished");
        a.put("description", "Status " + r.path("status").asText() + ", seed " + r.path("seed").asLong() + ", scale "
                + r.path("scale").asText());
        long stop = System.currentTimeMillis();
        a.put("start", stop - r.path("durationMillis").asLong());
        a.put("stop", stop);
        ArrayNode labels = a.putArray("labels");
        label(labels, "epic", r.path("module").asText());
        label(labels, "feature", r.path("kind").asText());
        label(labels, "story", r.path("id").asText());
        label(labels, "tag", r.path("status").asText());
        label(labels, "suite", r.path("module").asText());
        ArrayNode att = a.putArray("attachments");
        StringBuilder csv = new StringBuilder("quantity,role,rule,computed,reference,tolerance,standard_error,p_value,passed,note\n");
        for (JsonNode e : r.path("evidence")) {
            csv.append(q(e.path("quantity").asText())).append(',').append(e.path("role").asText()).append(',')
                    .append(e.path("rule").asText()).append(',').append(e.path("computed").asText()).append(',')
                    .append(e.path("reference").asText()).append(',').append(e.path("tolerance").asText()).append(',')
                    .append(e.path("standardError").asText()).append(',').append(e.path("pValue").asText()).append(',')
                    .append(e.path("passed").asBoolean()).append(',').append(q(e.path("note").asText())).append('\n');
        }
        String evName = uuid + "-evidence-attachment.csv";
        Files.writeString(dir.resolve(evName), csv.toString());
        att.addObject().put("name", "evidence.csv").put("source", evName).put("type", "text/csv");
        int i = 0;
        for (JsonNode x : r.path("attachments")) {
            Path from = ledgerDir.resolve(x.path("path").asText());
            if (!Files.exists(from)) {
                continue;
            }
            String name = x.path("name").asText();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            String src = uuid + "-" + (i++) + "-attachment" + ext;
            Files.copy(from, dir.resolve(src), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            att.addObject().put("name", name).put("source", src).put("type", x.path("mimeType").asText());
        }
        LedgerJson.MAPPER.writeValue(dir.resolve(uuid + "-result.json").toFile(), a);
    }

    private static void label(ArrayNode labels, String name, String value) {
        labels.addObject().put("name", name).put("value", value);
    }

    private static String q(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
