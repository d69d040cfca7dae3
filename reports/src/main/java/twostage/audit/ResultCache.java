package twostage.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import twostage.ledger.LedgerJson;

/**
 * Per-check cache of audit results: a folder holding the key, the ledger JSON and its attachments. A result is
 * reused only when the stored key (code version, claim, check, scale, seed) equals the current one.
 */
final class ResultCache {

    private ResultCache() {
    }

    static JsonNode lookup(Path dir, String key) throws IOException {
        Path k = dir.resolve("key");
        Path r = dir.resolve("result.json");
        if (!Files.exists(k) || !Files.exists(r) || !Files.readString(k).equals(key)) {
            return null;
        }
        return LedgerJson.read(r);
    }

    static void store(Path dir, String key, Path ledgerFile, Path ledgerDir) throws IOException {
        Files.createDirectories(dir);
        Files.copy(ledgerFile, dir.resolve("result.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("name"), ledgerFile.getFileName().toString());
        JsonNode n = LedgerJson.read(ledgerFile);
        for (JsonNode a : n.path("attachments")) {
            Path from = ledgerDir.resolve(a.path("path").asText());
            Path to = dir.resolve("files").resolve(a.path("name").asText());
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("key"), key);
    }

    static void restore(Path dir, Path ledgerDir) throws IOException {
        String name = Files.readString(dir.resolve("name"));
        Files.copy(dir.resolve("result.json"), ledgerDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        JsonNode n = LedgerJson.read(dir.resolve("result.json"));
        for (JsonNode a : n.path("attachments")) {
            Path to = ledgerDir.resolve(a.path("path").asText());
            Files.createDirectories(to.getParent());
            Files.copy(dir.resolve("files").resolve(a.path("name").asText()), to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
