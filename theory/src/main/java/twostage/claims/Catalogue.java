package twostage.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of the paper's 85 numbered items, read from the data file {@code twostage/claims.tsv}
 * (provenance in the file's header). It is the only source of claim identity: a check that names an ID
 * not present here is rejected.
 */
public final class Catalogue {

    private static final String RESOURCE = "/twostage/claims.tsv";
    private static volatile Catalogue instance;

    private final Map<String, Claim> claims;

    private Catalogue(Map<String, Claim> claims) {
        this.claims = Collections.unmodifiableMap(claims);
    }

    /** The catalogue shipped with this build. */
    public static Catalogue standard() {
        Catalogue c = instance;
        if (c == null) {
            try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("claim catalogue resource missing: " + RESOURCE);
                }
                c = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = c;
        }
        return c;
    }

    static Catalogue parse(InputStream in) throws IOException {
        Map<String, Claim> map = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        boolean header = true;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalStateException("catalogue line does not have 5 tab-separated fields: " + line);
            }
            Claim c = new Claim(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4]);
            if (map.put(c.id(), c) != null) {
                throw new IllegalStateException("duplicate catalogue id: " + c.id());
            }
        }
        return new Catalogue(map);
    }

    /** All items in catalogue order. */
    public List<Claim> all() {
        return List.copyOf(claims.values());
    }

    public boolean contains(String id) {
        return claims.containsKey(id);
    }

    /**
     * The item with this ID.
     *
     * @throws IllegalArgumentException if the ID is not in the catalogue (names the ID and the nearest spelling rule)
     */
    public Claim require(String id) {
        Claim c = claims.get(id);
        if (c == null) {
            throw new IllegalArgumentException("claim id not in the catalogue: '" + id
                    + "' (IDs are spelled exactly as printed in the paper, e.g. 'Lemma C.4', 'Theorem 5.1')");
        }
        return c;
    }

    public int size() {
        return claims.size();
    }
}
