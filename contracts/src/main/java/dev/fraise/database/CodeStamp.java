package dev.fraise.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A digest of the code that builds template databases (the jar of this engine, or the class files of its
 * directory), so that a template kept by one version of Fraise is never taken for one another version would build.
 */
final class CodeStamp {

    private static final Logger LOG = LoggerFactory.getLogger(CodeStamp.class);
    private static final Optional<String> CURRENT = compute();

    private CodeStamp() {
    }

    /** This engine's stamp; empty when its code cannot be read (templates are then not kept). */
    static Optional<String> current() {
        return CURRENT;
    }

    private static Optional<String> compute() {
        try {
            Path location = Path.of(CodeStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(location)) {
                update(digest, location);
            } else {
                List<Path> classes;
                try (Stream<Path> walk = Files.walk(location)) {
                    classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path file : classes) {
                    digest.update(location.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    update(digest, file);
                }
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.debug("cannot stamp this engine's code; templates are not kept: {}", e.toString());
            return Optional.empty();
        }
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
