package twostage.chisq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference values of P(Q &lt;= x) for weighted chi-square laws kept in
 * {@code src/main/resources/twostage/reference/weighted-chisq.tsv} (its header states where every row comes from).
 * A row is either a published value with the absolute accuracy its source guarantees, or an independent
 * high-precision value to be matched to a relative tolerance in both tails.
 */
final class ReferenceTable {

    static final String RESOURCE = "/twostage/reference/weighted-chisq.tsv";

    /**
     * One reference value.
     *
     * @param source   where the value comes from (a key explained in the file header)
     * @param cdf      P(Q &lt;= x)
     * @param survival P(Q &gt; x), NaN if the source gives only the cdf
     * @param relTol   relative tolerance on the smaller tail, NaN if none
     * @param absTol   absolute tolerance on the cdf, NaN if none
     */
    record Row(String source, double[] weights, int[] dofs, double[] noncentralities, double x, double cdf,
               double survival, double relTol, double absTol) {

        WeightedChiSquare law() {
            return WeightedChiSquare.of(weights, dofs, noncentralities);
        }

        /** Error of a computed (cdf, survival) pair in units of this row's tolerance (&lt;= 1 means agreement). */
        double errorInTolerances(double computedCdf, double computedSurvival) {
            double e = 0;
            if (!Double.isNaN(absTol)) {
                e = Math.max(e, Math.abs(computedCdf - cdf) / absTol);
            }
            if (!Double.isNaN(relTol)) {
                e = Math.max(e, Math.abs(computedCdf - cdf) / (cdf * relTol));
                if (!Double.isNaN(survival)) {
                    e = Math.max(e, Math.abs(computedSurvival - survival) / (survival * relTol));
                }
            }
            return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
        }

        /** Relative error on the smaller tail (the 6-significant-digit measure), NaN for cdf-only rows. */
        double relativeError(double computedCdf, double computedSurvival) {
            if (Double.isNaN(survival)) {
                return Double.NaN;
            }
            return Math.max(Math.abs(computedCdf - cdf) / cdf, Math.abs(computedSurvival - survival) / survival);
        }

        @Override
        public String toString() {
            return source + " w=" + Arrays.toString(weights) + " k=" + Arrays.toString(dofs) + " delta="
                    + Arrays.toString(noncentralities) + " x=" + x;
        }
    }

    private ReferenceTable() {
    }

    static List<Row> load() {
        try (InputStream in = ReferenceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false; // the column-name line
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 9) {
                    throw new IllegalStateException("expected 9 tab-separated columns in " + RESOURCE + ": " + line);
                }
                rows.add(new Row(f[0], doubles(f[1]), ints(f[2]), doubles(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), num(f[6]), num(f[7]), num(f[8])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double num(String s) {
        return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }

    private static double[] doubles(String s) {
        return Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
