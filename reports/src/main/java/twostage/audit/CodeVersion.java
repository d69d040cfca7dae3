package twostage.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of the suite's own compiled code (every class-path entry whose path names a twostage module), so cached
 * audit results are reused only when the code that produced them is unchanged.
 */
final class CodeVersion {

    private CodeVersion() {
    }

    static String current() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String cp = System.getProperty("java.class.path", "");
            for (String entry : cp.split(java.io.File.pathSeparator)) {
                if (!entry.contains("twostage") && !entry.contains("/theory/") && !entry.contains("/casestudies/")
                        && !entry.contains("/reports/")) {
                    continue;
                }
                Path p = Path.of(entry);
                if (Files.isDirectory(p)) {
                    List<Path> files;
                    try (Stream<Path> s = Files.walk(p)) {
                        files = s.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) {
                        md.update(p.relativize(f).toString().getBytes());
                        md.update(Files.readAllBytes(f));
                    }
                } else if (Files.isRegularFile(p)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        md.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
