package twostage.ledger;

import java.nio.charset.StandardCharsets;

/**
 * A file that goes with a check's evidence: a CSV table, a PNG plot, an SVG drawing or plain text.
 *
 * @param name     file name, e.g. {@code "ks-distance.png"}
 * @param mimeType e.g. {@code "image/png"}, {@code "text/csv"}
 * @param content  the bytes
 */
public record Attachment(String name, String mimeType, byte[] content) {

    public static Attachment csv(String name, String text) {
        return new Attachment(name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    public static Attachment text(String name, String text) {
        return new Attachment(name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    public static Attachment png(String name, byte[] png) {
        return new Attachment(name, "image/png", png);
    }

    public static Attachment svg(String name, String svg) {
        return new Attachment(name, "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
    }
}
