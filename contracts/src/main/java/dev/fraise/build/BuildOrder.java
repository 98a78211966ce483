package dev.fraise.build;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Explains a build failure caused by file order: a statement needs a relation, function or type that a later file
 * of the plan creates ({@code BUILD_ORDER}, naming both files and the order that works), or views whose files need
 * each other ({@code BUILD_VIEW_CYCLE}, naming every file of the cycle).
 *
 * <p>Definitions are recognised statically, statement by statement: {@code CREATE [OR REPLACE] [TEMP|TEMPORARY|
 * UNLOGGED|RECURSIVE] [MATERIALIZED] VIEW|TABLE|FUNCTION|PROCEDURE|TYPE|DOMAIN|SEQUENCE [IF NOT EXISTS] name}. A
 * view file depends on another file when a {@code CREATE VIEW} of it names (outside comments and string literals)
 * an object the other file defines.
 */
final class BuildOrder {

    private static final Pattern DEFINITION = Pattern.compile("(?is)^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:(?:TEMP|TEMPORARY|UNLOGGED|RECURSIVE)\\s+)?(MATERIALIZED\\s+)?"
            + "(VIEW|TABLE|FUNCTION|PROCEDURE|TYPE|DOMAIN|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + "((?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))?)");
    /** Comments and string literals, which name nothing. */
    private static final Pattern NOISE = Pattern.compile("(?s)--[^\\n]*|/\\*.*?\\*/|'(?:[^']|'')*'");
    private static final Pattern WORD = Pattern.compile("\"[^\"]+\"|[A-Za-z_][\\w$]*");
    private static final Pattern MISSING_RELATION = Pattern.compile("relation \"([^\"]+)\" does not exist");
    private static final Pattern MISSING_FUNCTION = Pattern.compile("function ([^\\s(]+)\\(");
    private static final Pattern MISSING_TYPE = Pattern.compile("type \"([^\"]+)\" does not exist");

    /** An object a statement creates. */
    private record Definition(String name, String kind, int file, SqlStatement statement) {
    }

    private final List<SchemaBuilder.ParsedFile> files;
    private final Map<String, Definition> definitions = new HashMap<>();

    private BuildOrder(List<SchemaBuilder.ParsedFile> files) {
        this.files = files;
        for (int i = 0; i < files.size(); i++) {
            for (SqlStatement statement : files.get(i).statements()) {
                Matcher m = DEFINITION.matcher(strip(statement.sql()));
                if (m.find()) {
                    String kind = (m.group(1) == null ? "" : "MATERIALIZED ") + m.group(2).toUpperCase(Locale.ROOT);
                    definitions.putIfAbsent(bareName(m.group(3)), new Definition(bareName(m.group(3)), kind, i,
                            statement));
                }
            }
        }
    }

    /**
     * The order error behind {@code e}, if the failing statement ({@code statement} of file {@code failing}) needs
     * an object a later file creates.
     */
    static Optional<FraiseException> explain(List<SchemaBuilder.ParsedFile> files, int failing,
            SqlStatement statement, SQLException e) {
        Optional<String> missing = missingName(e);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        BuildOrder order = new BuildOrder(files);
        Definition later = order.definitions.get(missing.get());
        if (later == null || later.file() <= failing) {
            return Optional.empty();
        }
        SourceLocation at = SqlScripts.errorLocation(path(files, failing), statement, e);
        Optional<List<Integer>> cycle = order.pathFrom(later.file(), failing);
        if (cycle.isPresent()) {
            List<Integer> ring = new ArrayList<>(List.of(failing));
            ring.addAll(cycle.get());
            String chain = ring.stream().map(order::describe).collect(Collectors.joining(" -> "));
            return Optional.of(new FraiseException(ErrorCode.BUILD_VIEW_CYCLE, "views depend on each other in a"
                    + " cycle: " + chain + "; no file order works, break the cycle (" + SqlScripts.describe(e) + ")",
                    at, e));
        }
        Path failingFile = path(files, failing);
        Path laterFile = path(files, later.file());
        String needer = order.createdBy(statement).map(d -> d.name() + " needs ").orElse("this statement needs ");
        return Optional.of(new FraiseException(ErrorCode.BUILD_ORDER, needer + later.kind().toLowerCase(Locale.ROOT)
                + " " + later.name() + ", which " + slash(laterFile) + ":" + later.statement().line()
                + " creates later in the build; " + fix(failingFile, laterFile) + " (" + SqlScripts.describe(e) + ")",
                at, e));
    }

    /** {@code move a after b}, with the renaming that achieves it in Confiture's path order. */
    private static String fix(Path failing, Path later) {
        String move = "move " + slash(failing) + " after " + slash(later);
        Path failingDir = failing.getParent();
        Path laterDir = later.getParent();
        if (failingDir != null && failingDir.equals(laterDir)) {
            return move + " (rename " + failing.getFileName() + " so it sorts after " + later.getFileName() + ")";
        }
        return move + " (files run in path order: put " + failing.getFileName() + " in a directory that sorts after "
                + (laterDir == null ? "." : slash(laterDir)) + "/, or the definition in one that sorts before "
                + (failingDir == null ? "." : slash(failingDir)) + "/)";
    }

    /** A path in the dependency graph of view files from {@code from} to {@code to}, both included at the ends. */
    private Optional<List<Integer>> pathFrom(int from, int to) {
        Map<Integer, Set<Integer>> edges = viewDependencies();
        List<Integer> path = new ArrayList<>();
        return search(from, to, edges, path, new LinkedHashSet<>()) ? Optional.of(path) : Optional.empty();
    }

    private static boolean search(int at, int to, Map<Integer, Set<Integer>> edges, List<Integer> path,
            Set<Integer> seen) {
        path.add(at);
        if (at == to) {
            return true;
        }
        if (seen.add(at)) {
            for (int next : edges.getOrDefault(at, Set.of())) {
                if (search(next, to, edges, path, seen)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /** File → the files defining objects that its {@code CREATE VIEW} statements name. */
    private Map<Integer, Set<Integer>> viewDependencies() {
        Map<Integer, Set<Integer>> edges = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            for (SqlStatement statement : files.get(i).statements()) {
                Optional<Definition> created = createdBy(statement);
                if (created.isEmpty() || !created.get().kind().endsWith("VIEW")) {
                    continue;
                }
                Matcher words = WORD.matcher(strip(statement.sql()));
                while (words.find()) {
                    Definition used = definitions.get(bareName(words.group()));
                    if (used != null && used.file() != i) {
                        edges.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(used.file());
                    }
                }
            }
        }
        return edges;
    }

    private Optional<Definition> createdBy(SqlStatement statement) {
        Matcher m = DEFINITION.matcher(strip(statement.sql()));
        return m.find() ? Optional.ofNullable(definitions.get(bareName(m.group(3)))) : Optional.empty();
    }

    /** {@code 20_views/10_v_post.sql (v_post)}. */
    private String describe(int file) {
        String created = definitions.values().stream().filter(d -> d.file() == file && d.kind().endsWith("VIEW"))
                .map(Definition::name).sorted().collect(Collectors.joining(", "));
        return slash(path(files, file)) + (created.isEmpty() ? "" : " (" + created + ")");
    }

    /** The object named in PostgreSQL's "does not exist" message, for 42P01, 42883 and 42704. */
    private static Optional<String> missingName(SQLException e) {
        String state = e.getSQLState();
        String message = SqlScripts.describe(e);
        Pattern pattern = "42P01".equals(state) ? MISSING_RELATION : "42883".equals(state) ? MISSING_FUNCTION
                : "42704".equals(state) ? MISSING_TYPE : null;
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(message);
        return m.find() ? Optional.of(bareName(m.group(1))) : Optional.empty();
    }

    /** The object name without its schema, unquoted, lower case unless it was quoted. */
    private static String bareName(String qualified) {
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < qualified.length(); i++) {
            char c = qualified.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                start = i + 1;
            }
        }
        String name = qualified.substring(start).strip();
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }

    private static String strip(String sql) {
        return NOISE.matcher(sql).replaceAll(" ");
    }

    private static Path path(List<SchemaBuilder.ParsedFile> files, int index) {
        return files.get(index).file().displayPath();
    }

    private static String slash(Path path) {
        return path.toString().replace('\\', '/');
    }
}
