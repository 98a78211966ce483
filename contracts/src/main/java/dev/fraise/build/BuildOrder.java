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
    private static final Pattern ROUTINE = Pattern.compile("(?is)^\\s*(?:--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*"
            + "CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\b");
    private static final Pattern SQL_LANGUAGE = Pattern.compile("(?i)\\bLANGUAGE\\s+(?:sql\\b|'sql')");
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
        SourceLocation at = order.locate(failing, statement, missing.get(), e);
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
        StringBuilder moves = new StringBuilder(fix(failingFile, laterFile));
        for (int[] move : order.furtherMoves(failing, later.file())) {
            moves.append("; then ").append(fix(path(files, move[0]), path(files, move[1])));
        }
        boolean foreignKey = later.kind().equalsIgnoreCase("table")
                && statement.sql().stripLeading().toLowerCase(Locale.ROOT).matches("(?s)create\\s+(unlogged\\s+)?table.*");
        String twoPass = foreignKey ? "; or set build.two_pass: true in the config to add foreign keys after every"
                + " table exists" : "";
        return Optional.of(new FraiseException(ErrorCode.BUILD_ORDER, needer + later.kind().toLowerCase(Locale.ROOT)
                + " " + later.name() + ", which " + slash(laterFile) + ":" + later.statement().line()
                + " creates later in the build; " + moves + twoPass + " (" + SqlScripts.describe(e) + ")", at, e));
    }

    /**
     * Where the failing statement names the missing object: PostgreSQL's error position, else the first token of the
     * statement naming {@code missing} (e.g. in {@code REFERENCES tb_user}), else the statement's start.
     */
    private SourceLocation locate(int failing, SqlStatement statement, String missing, SQLException e) {
        SourceLocation located = SqlScripts.errorLocation(path(files, failing), statement, e);
        if (located.line() != statement.line() || located.column() != statement.column()) {
            return located;
        }
        String masked = SqlMask.mask(statement.sql(), true);
        Matcher definition = DEFINITION.matcher(masked);
        int from = definition.find() ? definition.end(3) : 0;
        Matcher words = WORD.matcher(masked);
        while (words.find(from)) {
            if (bareName(words.group()).equals(missing)) {
                int[] at = statement.fileLocationOf(words.start() + 1);
                return new SourceLocation(path(files, failing), at[0], at[1]);
            }
            from = words.end();
        }
        return located;
    }

    /**
     * The moves needed after moving {@code failing} after {@code later} so that every file comes after the files
     * it needs, as {@code {file, after}} pairs: a file that needed a moved file follows it. Files before
     * {@code failing} ran, so they need nothing later. Empty when the moves do not settle (a cycle the view check
     * did not see).
     */
    private List<int[]> furtherMoves(int failing, int later) {
        Map<Integer, Set<Integer>> needs = new HashMap<>();
        for (int i = failing; i < files.size(); i++) {
            needs.put(i, namedFiles(i));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            order.add(i);
        }
        order.remove(Integer.valueOf(failing));
        order.add(order.indexOf(later) + 1, failing);
        List<int[]> moves = new ArrayList<>();
        for (int round = 0; round < files.size() * files.size(); round++) {
            int[] move = firstMisplaced(order, needs);
            if (move == null) {
                return moves;
            }
            order.remove(Integer.valueOf(move[0]));
            order.add(order.indexOf(move[1]) + 1, move[0]);
            moves.add(move);
        }
        return List.of();
    }

    /** The first file of {@code order} that needs a file placed after it, and the last such file; or null. */
    private static int[] firstMisplaced(List<Integer> order, Map<Integer, Set<Integer>> needs) {
        for (int position = 0; position < order.size(); position++) {
            int file = order.get(position);
            int last = -1;
            for (int needed : needs.getOrDefault(file, Set.of())) {
                int at = order.indexOf(needed);
                if (at > position && at > last) {
                    last = at;
                }
            }
            if (last >= 0) {
                return new int[] {file, order.get(last)};
            }
        }
        return null;
    }

    /**
     * The other files defining objects that file {@code i} names outside comments and string literals, and outside
     * the bodies of functions not written in SQL (PostgreSQL resolves those when they run, not when they are
     * created).
     */
    private Set<Integer> namedFiles(int i) {
        Set<Integer> named = new LinkedHashSet<>();
        for (SqlStatement statement : files.get(i).statements()) {
            boolean routine = ROUTINE.matcher(statement.sql()).find();
            boolean keepBodies = !routine || SQL_LANGUAGE.matcher(SqlMask.mask(statement.sql(), false)).find();
            Matcher words = WORD.matcher(SqlMask.mask(statement.sql(), keepBodies));
            while (words.find()) {
                Definition used = definitions.get(bareName(words.group()));
                if (used != null && used.file() != i) {
                    named.add(used.file());
                }
            }
        }
        return named;
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
        if (!m.find()) {
            return Optional.empty();
        }
        // a relation or type is reported as written, unquoted ("TbUser"); a function quoted where needed
        String name = m.group(1);
        return Optional.of(pattern == MISSING_FUNCTION ? bareName(name) : name.substring(name.lastIndexOf('.') + 1));
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
