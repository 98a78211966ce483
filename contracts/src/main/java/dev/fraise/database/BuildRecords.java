package dev.fraise.database;

import dev.fraise.build.BuildResult;
import dev.fraise.error.SourceLocation;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BuildResult} as the one-line record a kept template carries ({@code files statements millis} then
 * {@code line:path} per unwrapped statement, space-separated, paths URL-encoded), so that a pool reusing the
 * template reports the build that made it.
 */
final class BuildRecords {

    private BuildRecords() {
    }

    static String write(BuildResult result) {
        StringBuilder record = new StringBuilder().append(result.files()).append(' ').append(result.statements())
                .append(' ').append(result.elapsed().toMillis());
        for (SourceLocation location : result.unwrapped()) {
            record.append(' ').append(location.line()).append(':')
                    .append(URLEncoder.encode(location.file().toString(), StandardCharsets.UTF_8));
        }
        return record.toString();
    }

    /**
     * The build {@code record} describes.
     *
     * @throws IllegalArgumentException when it is not a record {@link #write} wrote
     */
    static BuildResult read(String record) {
        String[] parts = record.trim().split(" ");
        if (parts.length < 3) {
            throw new IllegalArgumentException("not a build record: " + record);
        }
        List<SourceLocation> unwrapped = new ArrayList<>();
        for (int i = 3; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            unwrapped.add(SourceLocation.of(Path.of(URLDecoder.decode(parts[i].substring(colon + 1),
                    StandardCharsets.UTF_8)), Integer.parseInt(parts[i].substring(0, colon))));
        }
        return new BuildResult(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Duration.ofMillis(Long.parseLong(parts[2])), unwrapped);
    }
}
