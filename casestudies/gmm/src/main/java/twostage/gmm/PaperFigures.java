package twostage.gmm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of Figures 2-4 digitised from the PDF's vector data ({@code twostage/gmm/paper-figures.tsv}; provenance
 * and reading uncertainty in its header; produced by {@code tools/digitise_paper_figures.py}).
 */
final class PaperFigures {

    /** One digitised point. */
    record Point(String figure, String panel, String series, double x, double y, double lo, double hi) { }

    private static volatile List<Point> points;

    private PaperFigures() {
    }

    static List<Point> all() {
        List<Point> p = points;
        if (p == null) {
            p = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    PaperFigures.class.getResourceAsStream("/twostage/gmm/paper-figures.tsv"), StandardCharsets.UTF_8))) {
                String line;
                boolean header = true;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    p.add(new Point(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                            f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]),
                            f[6].isEmpty() ? Double.NaN : Double.parseDouble(f[6])));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            points = p;
        }
        return p;
    }

    static List<Point> select(String figure, String panelPrefix, String series) {
        return all().stream().filter(q -> q.figure().equals(figure) && q.panel().startsWith(panelPrefix)
                && (series == null || q.series().equals(series))).toList();
    }
}
