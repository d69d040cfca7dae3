package twostage.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import twostage.claims.Catalogue;
import twostage.claims.Claim;

/**
 * The claim dependency graph (which result uses which), read from the data file {@code twostage/claim-uses.tsv}
 * (provenance in its header), drawn as an SVG with one box per catalogue item coloured by status. Columns are the
 * longest-path depth from the items that use nothing, so every edge points to the right.
 */
public final class ClaimGraph {

    /** An edge: {@code used} is used by {@code user}. */
    public record Edge(String used, String user) {
    }

    private final List<Edge> edges;

    private ClaimGraph(List<Edge> edges) {
        this.edges = edges;
    }

    public static ClaimGraph standard() {
        try (InputStream in = ClaimGraph.class.getResourceAsStream("/twostage/claim-uses.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource twostage/claim-uses.tsv");
            }
            List<Edge> es = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            Catalogue cat = Catalogue.standard();
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("used\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                cat.require(f[0]);
                cat.require(f[1]);
                es.add(new Edge(f[0], f[1]));
            }
            return new ClaimGraph(es);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Longest-path depth of each catalogue item (0 for items that use nothing). */
    Map<String, Integer> depths() {
        Map<String, List<String>> uses = new HashMap<>();
        for (Edge e : edges) {
            uses.computeIfAbsent(e.user(), k -> new ArrayList<>()).add(e.used());
        }
        Map<String, Integer> depth = new LinkedHashMap<>();
        for (Claim c : Catalogue.standard().all()) {
            depth(c.id(), uses, depth, new java.util.HashSet<>());
        }
        return depth;
    }

    private static int depth(String id, Map<String, List<String>> uses, Map<String, Integer> memo,
                             java.util.Set<String> onPath) {
        Integer m = memo.get(id);
        if (m != null) {
            return m;
        }
        if (!onPath.add(id)) {
            return 0; // a cycle in the data: cut it
        }
        int d = 0;
        for (String u : uses.getOrDefault(id, List.of())) {
            d = Math.max(d, 1 + depth(u, uses, memo, onPath));
        }
        onPath.remove(id);
        memo.put(id, d);
        return d;
    }

    static String colour(String status) {
        return switch (status) {
            case "PASS" -> "#9fdc9f";
            case "FAIL" -> "#f08080";
            case "DISCREPANCY" -> "#ffc061";
            case "NOT_CHECKABLE" -> "#a9c4ef";
            default -> "#e4e4e4";
        };
    }

    /** The SVG, boxes linking to {@code index.html#<anchor>}. */
    public String svg(Map<String, String> statusById) {
        Map<String, Integer> depth = depths();
        int cols = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<Integer, List<String>> byCol = new HashMap<>();
        for (Claim c : Catalogue.standard().all()) {
            byCol.computeIfAbsent(depth.get(c.id()), k -> new ArrayList<>()).add(c.id());
        }
        int w = 150;
        int h = 20;
        int gapX = 70;
        int gapY = 8;
        int rows = byCol.values().stream().mapToInt(List::size).max().orElse(1);
        Map<String, int[]> pos = new HashMap<>();
        for (int c = 0; c < cols; c++) {
            List<String> ids = byCol.getOrDefault(c, List.of());
            for (int i = 0; i < ids.size(); i++) {
                pos.put(ids.get(i), new int[] {20 + c * (w + gapX), 60 + i * (h + gapY)});
            }
        }
        int width = 40 + cols * (w + gapX);
        int height = 100 + rows * (h + gapY);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%d\" height=\"%d\" "
                + "font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">%n", width, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append("<text x=\"20\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Claim dependency graph "
                + "(arrow: used by), coloured by status</text>\n");
        int lx = 20;
        for (String s : List.of("PASS", "DISCREPANCY", "NOT_CHECKABLE", "FAIL", "PENDING")) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\" "
                    + "stroke=\"#555\"/><text x=\"%d\" y=\"45\">%s</text>%n", lx, colour(s), lx + 16, s));
            lx += 120;
        }
        b.append("<g stroke=\"#888\" stroke-width=\"0.8\" fill=\"none\" opacity=\"0.7\">\n");
        for (Edge e : edges) {
            int[] a = pos.get(e.used());
            int[] z = pos.get(e.user());
            double x1 = a[0] + w;
            double y1 = a[1] + h / 2.0;
            double x2 = z[0];
            double y2 = z[1] + h / 2.0;
            double mx = (x1 + x2) / 2;
            b.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" "
                    + "marker-end=\"url(#arrow)\"/>%n", x1, y1, mx, y1, mx, y2, x2, y2));
        }
        b.append("</g>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
                + "markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#888\"/></marker></defs>\n");
        for (Map.Entry<String, int[]> en : pos.entrySet()) {
            String id = en.getKey();
            int[] p = en.getValue();
            String st = statusById.getOrDefault(id, "PENDING");
            b.append(String.format(Locale.ROOT, "<a xlink:href=\"index.html#%s\"><title>%s: %s</title>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\" stroke=\"#555\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text></a>%n", HtmlReport.anchor(id), HtmlReport.esc(id), st,
                    p[0], p[1], w, h, colour(st), p[0] + 6, p[1] + 14, HtmlReport.esc(id)));
        }
        b.append("</svg>\n");
        return b.toString();
    }
}
