package twostage.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes one check result as a JSON ledger entry, with its attachments as files beside it.
 * Layout: {@code <dir>/<claim-slug>__<check-slug>.json} and {@code <dir>/files/<claim-slug>__<check-slug>/<name>}.
 * Numbers that are NaN are written as {@code null}.
 */
public final class LedgerJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LedgerJson() {
    }

    /** A file-system-safe slug of an ID, e.g. "Lemma C.4" to "lemma-c-4". */
    public static String slug(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return t.replaceAll("^-+|-+$", "");
    }

    public static ObjectNode toJson(CheckResult r, String attachmentPrefix) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.claimId());
        o.put("check", r.checkName());
        o.put("module", r.module());
        o.put("kind", r.kind());
        o.put("status", r.status().name());
        o.put("explanation", r.explanation());
        o.put("statement", r.statement());
        o.put("seed", r.seed());
        o.put("durationMillis", r.durationMillis());
        o.put("scale", r.scale());
        if (!r.error().isEmpty()) {
            o.put("error", r.error());
        }
        ArrayNode ev = o.putArray("evidence");
        for (Evidence e : r.evidence()) {
            ObjectNode x = ev.addObject();
            x.put("quantity", e.quantity());
            x.put("role", e.role().name());
            x.put("rule", e.rule().name());
            num(x, "computed", e.computed());
            num(x, "reference", e.reference());
            num(x, "tolerance", e.tolerance());
            num(x, "standardError", e.standardError());
            num(x, "pValue", e.pValue());
            x.put("passed", e.passed());
            x.put("note", e.note());
        }
        ArrayNode at = o.putArray("attachments");
        for (Attachment a : r.attachments()) {
            ObjectNode x = at.addObject();
            x.put("name", a.name());
            x.put("mimeType", a.mimeType());
            x.put("path", attachmentPrefix + a.name());
        }
        return o;
    }

    private static void num(ObjectNode x, String k, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            x.putNull(k);
        } else {
            x.put(k, v);
        }
    }

    /** Writes the result and its attachments under {@code dir}; returns the JSON file. */
    public static Path write(CheckResult r, Path dir) {
        try {
            String base = slug(r.claimId()) + "__" + slug(r.checkName());
            Files.createDirectories(dir);
            String prefix = "files/" + base + "/";
            if (!r.attachments().isEmpty()) {
                Path fd = dir.resolve(prefix);
                Files.createDirectories(fd);
                for (Attachment a : r.attachments()) {
                    Files.write(fd.resolve(a.name()), a.content());
                }
            }
            Path f = dir.resolve(base + ".json");
            MAPPER.writeValue(f.toFile(), toJson(r, prefix));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path f) {
        try {
            return MAPPER.readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
