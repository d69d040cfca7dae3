package twostage.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import twostage.ledger.Status;

/** Plain, self-contained HTML pages of the audit (open from file://, no server, no scripts required). */
final class HtmlReport {

    private HtmlReport() {
    }

    static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:1.5em;color:#222;max-width:1400px}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
            th{background:#f4f4f4}
            .PASS{background:#d9f2d9}.FAIL{background:#f8c6c6}.DISCREPANCY{background:#ffe4b3}
            .NOT_CHECKABLE{background:#dde7f7}.PENDING{background:#eee;color:#777}
            .badge{padding:1px 6px;border-radius:3px;font-weight:600;font-size:12px;white-space:nowrap}
            details{margin:2px 0} summary{cursor:pointer}
            .ev td{font-family:ui-monospace,monospace;font-size:12px}
            .no{color:#b00;font-weight:600} img{max-width:640px;border:1px solid #ccc;margin:4px}
            nav a{margin-right:1em}
            """;

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String num(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        double x = n.asDouble();
        if (x == 0 || (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6)) {
            return String.format(Locale.ROOT, "%.6g", x);
        }
        return String.format(Locale.ROOT, "%.4e", x);
    }

    static String badge(String status) {
        return "<span class=\"badge " + status + "\">" + status + "</span>";
    }

    static String head(String title) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>" + CSS
                + "</style></head><body><nav><a href=\"index.html\">All claims</a><a href=\"discrepancies.html\">"
                + "Discrepancies</a><a href=\"graph.svg\">Claim graph</a><a href=\"../allure-report/index.html\">"
                + "Allure report</a></nav><h1>" + esc(title) + "</h1>";
    }

    static String index(AuditReport r) {
        StringBuilder b = new StringBuilder(head("twostage audit: Tinati & Tu (COLT 2026)"));
        b.append("<p>One row per numbered item of the paper. Status is computed by the checks: FAIL (the suite is "
                + "inconsistent; fails the build), DISCREPANCY (the paper's statement disagrees with the computation), "
                + "PASS, NOT_CHECKABLE (a numeric proxy ran), PENDING (no check yet).</p>");
        b.append("<h2>Counts</h2><table style=\"width:auto\"><tr>");
        Map<Status, Integer> counts = r.counts();
        counts.forEach((s, n) -> b.append("<th>").append(badge(s.name())).append("</th>"));
        b.append("</tr><tr>");
        counts.forEach((s, n) -> b.append("<td>").append(n).append("</td>"));
        b.append("</tr></table>");
        b.append(String.format(Locale.ROOT, "<p>%d statistical comparisons (within z SE, or a test that must not reject), "
                + "each at its own false-alarm rate (at most %.2g): the design false-alarm rate of this run, their sum, is %.2g (union "
                + "bound; one-sided bounds stated in SE units are not counted).</p>", r.statisticalComparisons(),
                twostage.check.FalseAlarm.PER_COMPARISON, r.designFalseAlarmRate()));
        b.append("<h2>Coverage per module</h2><table style=\"width:auto\"><tr><th>module</th><th>items</th><th>checked</th></tr>");
        r.coverage().forEach((m, c) -> b.append("<tr><td>").append(esc(m)).append("</td><td>").append(c[0])
                .append("</td><td>").append(c[1]).append("</td></tr>"));
        b.append("</table><h2>Claims</h2><table><tr><th>ID</th><th>page</th><th>module</th><th>kind</th><th>status</th>"
                + "<th>title / evidence</th><th>seed</th><th>ms</th></tr>");
        for (ObjectNode c : r.records()) {
            b.append(row(c));
        }
        b.append("</table></body></html>");
        return b.toString();
    }

    static String row(ObjectNode c) {
        StringBuilder b = new StringBuilder();
        String st = c.path("status").asText();
        b.append("<tr id=\"").append(esc(anchor(c.path("id").asText()))).append("\"><td><b>").append(esc(c.path("id").asText()))
                .append("</b></td><td>").append(c.path("page").asInt()).append("</td><td>")
                .append(esc(c.path("module").asText())).append("</td><td>").append(esc(c.path("kind").asText()))
                .append("</td><td>").append(badge(st)).append("</td><td>").append(esc(c.path("title").asText()));
        String why = c.path("explanation").asText();
        if (!why.isEmpty() && !st.equals("PASS")) {
            if (why.length() > 400) {
                why = why.substring(0, 400) + " ... (the full evidence is in the checks below)";
            }
            b.append("<br><i>").append(esc(why)).append("</i>");
        }
        for (JsonNode chk : c.path("checks")) {
            b.append(checkDetails(chk));
        }
        b.append("</td><td>").append(c.path("seed").asLong()).append("</td><td>").append(c.path("durationMillis").asLong())
                .append("</td></tr>\n");
        return b.toString();
    }

    static String checkDetails(JsonNode chk) {
        StringBuilder b = new StringBuilder("<details><summary>").append(badge(chk.path("status").asText())).append(' ')
                .append(esc(chk.path("check").asText())).append(" (seed ").append(chk.path("seed").asLong())
                .append(", scale ").append(esc(chk.path("scale").asText())).append(")</summary>");
        if (!chk.path("statement").asText().isEmpty()) {
            b.append("<p><b>Statement:</b> ").append(esc(chk.path("statement").asText())).append("</p>");
        }
        if (!chk.path("explanation").asText().isEmpty()) {
            b.append("<p><b>Finding:</b> ").append(esc(chk.path("explanation").asText())).append("</p>");
        }
        b.append("<p>Reproduce: <code>./audit --claim \"").append(esc(chk.path("id").asText()))
                .append("\" --scale ").append(esc(chk.path("scale").asText())).append("</code></p>");
        b.append("<table class=\"ev\"><tr><th>quantity</th><th>role</th><th>rule</th><th>computed</th><th>reference</th>"
                + "<th>tol / z / alpha</th><th>SE</th><th>p</th><th>met</th><th>note</th></tr>");
        for (JsonNode e : chk.path("evidence")) {
            boolean ok = e.path("passed").asBoolean();
            b.append("<tr><td>").append(esc(e.path("quantity").asText())).append("</td><td>").append(e.path("role").asText())
                    .append("</td><td>").append(e.path("rule").asText()).append("</td><td>").append(num(e.get("computed")))
                    .append("</td><td>").append(num(e.get("reference"))).append("</td><td>").append(num(e.get("tolerance")))
                    .append("</td><td>").append(num(e.get("standardError"))).append("</td><td>").append(num(e.get("pValue")))
                    .append("</td><td>").append(ok ? "yes" : "<span class=\"no\">NO</span>").append("</td><td>")
                    .append(esc(e.path("note").asText())).append("</td></tr>");
        }
        b.append("</table>");
        if (chk.has("error")) {
            b.append("<pre>").append(esc(chk.path("error").asText())).append("</pre>");
        }
        for (JsonNode a : chk.path("attachments")) {
            String p = a.path("path").asText();
            if (a.path("mimeType").asText().startsWith("image/")) {
                b.append("<a href=\"").append(esc(p)).append("\"><img src=\"").append(esc(p)).append("\" alt=\"")
                        .append(esc(a.path("name").asText())).append("\"></a>");
            } else {
                b.append("<div><a href=\"").append(esc(p)).append("\">").append(esc(a.path("name").asText())).append("</a></div>");
            }
        }
        return b.append("</details>").toString();
    }

    static String anchor(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static String discrepancies(AuditReport r) {
        StringBuilder b = new StringBuilder(head("Discrepancies between the paper and the computation"));
        b.append("<p>Every item whose check ran and found the paper's printed statement in disagreement with the "
                + "computation, with its evidence. Read this page first.</p><table><tr><th>ID</th><th>page</th>"
                + "<th>module</th><th>kind</th><th>status</th><th>title / evidence</th><th>seed</th><th>ms</th></tr>");
        int n = 0;
        for (ObjectNode c : r.records()) {
            boolean any = false;
            for (JsonNode chk : c.path("checks")) {
                any |= chk.path("status").asText().equals("DISCREPANCY") || chk.path("status").asText().equals("FAIL");
            }
            if (any) {
                b.append(row(c));
                n++;
            }
        }
        b.append("</table><p>").append(n).append(" item(s).</p></body></html>");
        return b.toString();
    }
}
