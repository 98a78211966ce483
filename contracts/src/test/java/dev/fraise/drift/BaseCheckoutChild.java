package dev.fraise.drift;

import dev.fraise.config.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test helper run in a separate JVM (whose PATH {@link BaseCheckoutTest} chooses): extracts git ref {@code args[1]}
 * of the project {@code args[0]} and prints each extracted file as {@code path: content}.
 */
public final class BaseCheckoutChild {

    private BaseCheckoutChild() {
    }

    public static void main(String[] args) throws Exception {
        ProjectConfig config = ProjectConfig.defaults(Path.of(args[0]), "local");
        try (BaseCheckout base = BaseCheckout.open(config, DriftBase.gitRef(args[1]), List.of());
             Stream<Path> files = Files.walk(base.projectDir())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                System.out.println(base.projectDir().relativize(file).toString().replace('\\', '/') + ": "
                        + Files.readString(file).strip());
            }
        }
    }
}
