package dev.fraise.drift;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a drift gate finds the schema the migrations start from: the project as it was at a git ref, or a copy of
 * the project in a directory. The base's schema directories and migrations directory are the project's own,
 * at the same paths relative to the project directory.
 */
public sealed interface DriftBase {

    /** The project at {@code ref} ({@code origin/main}, {@code HEAD~1}, a tag or a commit), read with the git CLI. */
    static DriftBase gitRef(String ref) {
        return new GitRef(ref);
    }

    /** The project as laid out in {@code projectDir} (for example a checkout of the main branch). */
    static DriftBase directory(Path projectDir) {
        return new Directory(projectDir);
    }

    /** A short description for reports, e.g. {@code git ref origin/main}. */
    String describe();

    /**
     * A git ref of the project's repository.
     *
     * @param ref anything {@code git rev-parse} resolves to a commit
     */
    record GitRef(String ref) implements DriftBase {

        public GitRef {
            Objects.requireNonNull(ref, "ref");
            if (ref.isBlank() || ref.startsWith("-")) {
                throw new IllegalArgumentException("not a git ref: '" + ref + "'");
            }
        }

        @Override
        public String describe() {
            return "git ref " + ref;
        }
    }

    /**
     * A directory laid out like the project.
     *
     * @param projectDir the base's project directory
     */
    record Directory(Path projectDir) implements DriftBase {

        public Directory {
            Objects.requireNonNull(projectDir, "projectDir");
        }

        @Override
        public String describe() {
            return "directory " + projectDir;
        }
    }
}
