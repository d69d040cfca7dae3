package twostage.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import twostage.check.Scale;

/**
 * Command-line options of the audit.
 *
 * @param scale      ci or paper
 * @param claims     claim IDs to run (exact IDs, comma-separated on the command line); empty = all
 * @param modules    modules to run (e.g. theory, casestudies/gmm); empty = all
 * @param checkNames substrings of check names to run (e.g. "Figure 3"); empty = all
 * @param seed       root seed (0 = the fixed default derivation); "random" draws one and prints it
 * @param threads    parallelism inside a check
 * @param out        output folder
 * @param useCache   reuse cached results whose key (code version, claim, check, scale, seed) matches
 * @param list       only list the registered checks
 */
public record AuditOptions(Scale scale, List<String> claims, List<String> modules, List<String> checkNames, long seed,
                           int threads, Path out, boolean useCache, boolean list) {

    public static final String USAGE = """
            usage: ./audit [options]
              --scale ci|paper       size of Monte Carlo and asymptotic runs (default paper)
              --claim ID[,ID...]     only these claims, IDs exactly as printed, e.g. --claim "Lemma C.4,Theorem 5.1"
              --module M[,M...]      only these modules: theory, casestudies/spectral, casestudies/factor, casestudies/gmm, properties
              --check TEXT[,TEXT...] only checks whose name contains one of these texts, e.g. --check "Figure 3"
              --seed N|random        root seed (default 0: the fixed seeds derived from claim id and replication)
              --threads N            threads used inside a check (default: number of cores)
              --out DIR              output folder (default audit-out)
              --no-cache             recompute everything (default: reuse results whose code version and parameters match)
              --list                 list the registered checks and exit
            """;

    public static AuditOptions parse(String[] args) {
        Scale scale = Scale.PAPER;
        List<String> claims = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        List<String> checkNames = new ArrayList<>();
        long seed = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        Path out = Path.of("audit-out");
        boolean cache = true;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--scale" -> scale = Scale.parse(value(args, ++i, a));
                case "--claim", "--claims" -> claims.addAll(split(value(args, ++i, a)));
                case "--module", "--modules" -> modules.addAll(split(value(args, ++i, a)));
                case "--check", "--checks" -> checkNames.addAll(split(value(args, ++i, a)));
                case "--seed" -> {
                    String v = value(args, ++i, a);
                    seed = v.equals("random") ? twostage.check.Seeds.mix(System.nanoTime()) : parseLong(v, a);
                    if (v.equals("random")) {
                        System.out.println("[audit] fresh root seed: --seed " + seed);
                    }
                }
                case "--threads" -> {
                    threads = (int) parseLong(value(args, ++i, a), a);
                    if (threads < 1) {
                        throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
                    }
                }
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--no-cache" -> cache = false;
                case "--list" -> list = true;
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        return new AuditOptions(scale, List.copyOf(claims), List.copyOf(modules), List.copyOf(checkNames), seed, threads,
                out, cache, list);
    }

    private static String value(String[] args, int i, String opt) {
        if (i >= args.length) {
            throw new IllegalArgumentException(opt + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static long parseLong(String v, String opt) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs a whole number, got '" + v + "'");
        }
    }

    private static List<String> split(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
