package dev.fraise.postgres;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL installed on the machine: a directory with {@code postgres} and {@code initdb}, and the version
 * {@code postgres --version} reports. Found where installers put it: {@code pg_config --bindir}, {@code postgres}
 * or {@code initdb} on the {@code PATH}, {@code /usr/lib/postgresql/<major>/bin} (Debian, Ubuntu),
 * {@code /usr/pgsql-<major>/bin} (RPM), Homebrew and Postgres.app.
 *
 * @param binDir  the directory of the binaries, symbolic links resolved
 * @param version the version, e.g. {@code 15.18}
 */
record InstalledBinaries(Path binDir, String version) {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+(?:\\.\\d+)?)");
    /** Found binaries per wanted major (empty: any), once per JVM: discovery runs a few processes. */
    private static final Map<OptionalInt, Optional<InstalledBinaries>> FOUND = new ConcurrentHashMap<>();

    /** The major version, e.g. 15. */
    int major() {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    Path postgres() {
        return binDir.resolve("postgres");
    }

    Path initdb() {
        return binDir.resolve("initdb");
    }

    /** A key for the pristine cluster cache that changes whenever the binaries do. */
    String cacheKey() {
        return "installed-" + version + "-" + Integer.toHexString(binDir.toString().hashCode());
    }

    /**
     * The first installed PostgreSQL of {@code major} (any major when empty) in {@link #candidates}, looked up once
     * per JVM.
     */
    static Optional<InstalledBinaries> find(OptionalInt major) {
        return FOUND.computeIfAbsent(major, m -> find(m, candidates(m, System.getenv("PATH"))));
    }

    /**
     * The first of {@code directories} holding PostgreSQL binaries of {@code major} (any major Fraise supports when
     * empty).
     */
    static Optional<InstalledBinaries> find(OptionalInt major, List<Path> directories) {
        for (Path dir : directories) {
            Optional<InstalledBinaries> found = probe(dir);
            if (found.isPresent() && (major.isPresent() ? found.get().major() == major.getAsInt()
                    : found.get().major() >= ServerSettings.MIN_MAJOR && found.get().major() <= ServerSettings.MAX_MAJOR)) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Where to look, in order: {@code pg_config --bindir}, the directories of {@code postgres} and {@code initdb}
     * on {@code path}, then the usual install directories of {@code major} (of every supported major, newest
     * first, when empty). Empty on Windows.
     */
    static List<Path> candidates(OptionalInt major, String path) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return List.of();
        }
        Set<Path> dirs = new LinkedHashSet<>();
        List<Path> pathDirs = path == null ? List.of() : splitPath(path);
        onPath(pathDirs, "pg_config").flatMap(InstalledBinaries::pgConfigBinDir).ifPresent(dirs::add);
        onPath(pathDirs, "postgres").map(InstalledBinaries::realParent).ifPresent(dirs::add);
        onPath(pathDirs, "initdb").map(InstalledBinaries::realParent).ifPresent(dirs::add);
        List<Integer> majors = new ArrayList<>();
        if (major.isPresent()) {
            majors.add(major.getAsInt());
        } else {
            for (int m = ServerSettings.MAX_MAJOR; m >= ServerSettings.MIN_MAJOR; m--) {
                majors.add(m);
            }
        }
        for (int m : majors) {
            dirs.add(Path.of("/usr/lib/postgresql/" + m + "/bin"));
            dirs.add(Path.of("/usr/pgsql-" + m + "/bin"));
            dirs.add(Path.of("/opt/homebrew/opt/postgresql@" + m + "/bin"));
            dirs.add(Path.of("/usr/local/opt/postgresql@" + m + "/bin"));
            dirs.add(Path.of("/Applications/Postgres.app/Contents/Versions/" + m + "/bin"));
        }
        return List.copyOf(dirs);
    }

    /** The binaries in {@code dir}, if it has {@code postgres} and {@code initdb} and the version can be read. */
    static Optional<InstalledBinaries> probe(Path dir) {
        if (!Files.isExecutable(dir.resolve("postgres")) || !Files.isExecutable(dir.resolve("initdb"))) {
            return Optional.empty();
        }
        Path real = realPath(dir);
        return run(List.of(real.resolve("postgres").toString(), "--version")).flatMap(out -> {
            Matcher m = VERSION.matcher(out);
            return m.find() ? Optional.of(new InstalledBinaries(real, m.group(1))) : Optional.empty();
        });
    }

    private static List<Path> splitPath(String path) {
        List<Path> dirs = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                dirs.add(Path.of(entry));
            }
        }
        return dirs;
    }

    private static Optional<Path> onPath(List<Path> pathDirs, String name) {
        return pathDirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    private static Optional<Path> pgConfigBinDir(Path pgConfig) {
        return run(List.of(pgConfig.toString(), "--bindir")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Path::of);
    }

    private static Path realParent(Path executable) {
        return realPath(executable).getParent();
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** The output of a short command, empty when it fails or takes more than 10 s. */
    private static Optional<String> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
