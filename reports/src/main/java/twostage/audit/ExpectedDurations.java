package twostage.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import twostage.check.Check;
import twostage.check.Scale;

/**
 * Measured durations of each check, per scale, read from {@code twostage/audit/expected-seconds.tsv} (its header says
 * on which machine and commit they were measured). They make the audit's ETA realistic from the first check: the
 * checks differ in cost by four orders of magnitude, so an ETA from the mean rate so far is far too optimistic while
 * the cheap checks run. A check missing from the table counts as the median of the listed ones.
 */
final class ExpectedDurations {

    private static final String RESOURCE = "/twostage/audit/expected-seconds.tsv";

    private final Map<String, Double> seconds;
    private final double fallback;

    private ExpectedDurations(Map<String, Double> seconds) {
        this.seconds = seconds;
        double[] v = seconds.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        this.fallback = v.length == 0 ? 1.0 : v[v.length / 2];
    }

    static ExpectedDurations standard() {
        try (InputStream in = ExpectedDurations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ExpectedDurations(Map.of());
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExpectedDurations parse(BufferedReader r) throws IOException {
        Map<String, Double> m = new HashMap<>();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("scale\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException("expected-seconds.tsv: 4 tab-separated columns expected: " + line);
            }
            m.put(key(f[0], f[1], f[2]), Double.parseDouble(f[3]));
        }
        return new ExpectedDurations(m);
    }

    private static String key(String scale, String claim, String check) {
        return scale + "\t" + claim + "\t" + check;
    }

    /** The expected seconds of {@code c} at {@code scale}. */
    double of(Scale scale, Check c) {
        return seconds.getOrDefault(key(scale.name().toLowerCase(java.util.Locale.ROOT), c.claimId(), c.name()),
                fallback);
    }
}
