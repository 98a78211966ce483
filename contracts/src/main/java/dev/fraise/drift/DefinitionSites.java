package dev.fraise.drift;

import dev.fraise.build.SqlScripts;
import dev.fraise.build.SqlStatement;
import dev.fraise.catalog.ObjectKind;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import dev.fraise.source.SourceFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where SQL files define a catalog object: the name in the {@code CREATE} statement that creates it; for a column,
 * its line in its table's {@code CREATE TABLE}, else the {@code ALTER TABLE} that adds (then changes) it; for a
 * constraint, its {@code CONSTRAINT name} or, for a name PostgreSQL generated, the column or {@code PRIMARY KEY}
 * it was generated for. Statements are split as the build splits them and read with comments, string literals and
 * function bodies blanked, so a name in a view's {@code JOIN}, a comment or a function body is never taken for a
 * definition.
 */
final class DefinitionSites {

    private static final String QUALIFIER = "(?:(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)\\s*\\.\\s*)?";
    private static final String END = "(?![\\w$])";
    private static final String CREATE = "^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:(?:GLOBAL|LOCAL|TEMP|TEMPORARY|UNLOGGED|RECURSIVE|UNIQUE|CONSTRAINT)\\s+)*";
    private static final String AFTER_KEYWORD = "\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?";
    private static final String RELATION = "(?:TABLE|VIEW|MATERIALIZED\\s+VIEW|TYPE)";
    private static final Pattern IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*");
    private static final Pattern GENERATED_SUFFIX = Pattern.compile("_(?:key|fkey|check|excl|not_null|idx)\\d*$");

    private final List<SourceFinder.Source> sources;
    private List<Parsed> statements;

    DefinitionSites(List<SourceFinder.Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * Where {@code name} is defined.
     *
     * @param kind  the object's kind
     * @param name  its qualified name, a routine's with its signature
     * @param owner the qualified name of the table (or view) a column, constraint, index or trigger belongs to,
     *              or {@code null}
     */
    Optional<SourceLocation> definition(ObjectKind kind, String name, String owner) {
        String simple = SourceFinder.simpleName(name);
        String table = owner == null ? null : SourceFinder.simpleName(owner);
        return switch (kind) {
            case COLUMN -> table == null ? Optional.empty() : column(simple, table);
            case CONSTRAINT -> table == null ? Optional.empty() : constraint(simple, table);
            case INDEX -> created("INDEX", simple).or(() -> table == null ? Optional.empty()
                    : unnamedIndex(simple, table));
            default -> created(keyword(kind), simple);
        };
    }

    /** Where the table, view or type {@code owner} (a qualified name) is created. */
    Optional<SourceLocation> relation(String owner) {
        return owner == null ? Optional.empty() : created(RELATION, SourceFinder.simpleName(owner));
    }

    private static String keyword(ObjectKind kind) {
        return switch (kind) {
            case ENUM, COMPOSITE_TYPE, RANGE_TYPE -> "TYPE";
            case MATERIALIZED_VIEW -> "MATERIALIZED\\s+VIEW";
            default -> kind.name();
        };
    }

    /** The name of the first {@code CREATE <keyword> name} statement. */
    private Optional<SourceLocation> created(String keyword, String simple) {
        Pattern create = creates(keyword, simple);
        return first(p -> {
            Matcher m = create.matcher(p.masked());
            return m.find() ? Optional.of(p.at(m.start(1))) : Optional.empty();
        });
    }

    private Optional<SourceLocation> column(String column, String table) {
        Pattern create = creates("TABLE", table);
        Optional<SourceLocation> inCreate = first(p -> {
            Matcher m = create.matcher(p.masked());
            return m.find() ? element(p, m.end(), column) : Optional.empty();
        });
        return inCreate
                .or(() -> altered(table, "\\bADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + name(column) + ")"))
                .or(() -> altered(table, "\\bALTER\\s+(?:COLUMN\\s+)?(" + name(column) + ")\\s"))
                .or(() -> altered(table, "\\bRENAME\\s+(?:COLUMN\\s+)?\\S+\\s+TO\\s+(" + name(column) + ")"));
    }

    private Optional<SourceLocation> constraint(String constraint, String table) {
        String named = "\\bCONSTRAINT\\s+(" + name(constraint) + ")";
        Pattern create = creates("TABLE", table);
        Pattern inTable = Pattern.compile(named + END, Pattern.CASE_INSENSITIVE);
        Optional<SourceLocation> byName = first(p -> {
            if (!create.matcher(p.masked()).find()) {
                return Optional.empty();
            }
            Matcher m = inTable.matcher(p.masked());
            return m.find() ? Optional.of(p.at(m.start(1))) : Optional.empty();
        }).or(() -> altered(table, named));
        if (byName.isPresent() || !constraint.startsWith(table + "_")) {
            return byName;
        }
        String generated = constraint.substring(table.length() + 1);
        if (generated.equals("pkey")) {
            return first(p -> {
                Matcher m = Pattern.compile("\\bPRIMARY\\s+KEY\\b", Pattern.CASE_INSENSITIVE).matcher(p.masked());
                boolean ours = create.matcher(p.masked()).find() || alters(table).matcher(p.masked()).find();
                return ours && m.find() ? Optional.of(p.at(m.start())) : Optional.empty();
            });
        }
        String column = GENERATED_SUFFIX.matcher(generated).replaceFirst("");
        return column.equals(generated) ? Optional.empty() : column(column, table);
    }

    /** {@code CREATE INDEX ON table (...)}: the one whose columns make up the generated name, else the first. */
    private Optional<SourceLocation> unnamedIndex(String index, String table) {
        Pattern unnamed = Pattern.compile("^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?"
                + "(?:IF\\s+NOT\\s+EXISTS\\s+)?ON\\s+(?:ONLY\\s+)?(" + QUALIFIER + name(table) + ")" + END,
                Pattern.CASE_INSENSITIVE);
        String columns = index.startsWith(table + "_")
                ? GENERATED_SUFFIX.matcher(index.substring(table.length() + 1)).replaceFirst("") : "";
        List<SourceLocation> candidates = new ArrayList<>();
        Optional<SourceLocation> matching = first(p -> {
            Matcher m = unnamed.matcher(p.masked());
            if (!m.find()) {
                return Optional.empty();
            }
            candidates.add(p.at(m.start(1)));
            List<String> words = new ArrayList<>();
            IDENTIFIER.matcher(p.masked().substring(m.end())).results().forEach(r -> words.add(r.group()));
            return !columns.isEmpty() && String.join("_", words).contains(columns)
                    ? Optional.of(p.at(m.start(1))) : Optional.empty();
        });
        return matching.or(() -> candidates.stream().findFirst());
    }

    /** The column named first in an element of the parenthesised list after {@code from}, e.g. a table's columns. */
    private static Optional<SourceLocation> element(Parsed p, int from, String column) {
        String masked = p.masked();
        Pattern wanted = Pattern.compile(name(column) + END, Pattern.CASE_INSENSITIVE);
        int depth = 0;
        boolean elementStart = false;
        for (int i = from; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '(') {
                depth++;
                elementStart = depth == 1;
            } else if (c == ')') {
                if (--depth <= 0) {
                    return Optional.empty();
                }
            } else if (depth == 1 && c == ',') {
                elementStart = true;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                return Optional.empty();
            } else if (elementStart && !Character.isWhitespace(c)) {
                elementStart = false;
                if (wanted.matcher(masked).region(i, masked.length()).lookingAt()) {
                    return Optional.of(p.at(i));
                }
            }
        }
        return Optional.empty();
    }

    /** The first {@code ALTER TABLE table ...} statement in which {@code clause} (its group 1 the name) matches. */
    private Optional<SourceLocation> altered(String table, String clause) {
        Pattern alter = alters(table);
        Pattern wanted = Pattern.compile(clause + END, Pattern.CASE_INSENSITIVE);
        return first(p -> {
            Matcher header = alter.matcher(p.masked());
            if (!header.find()) {
                return Optional.empty();
            }
            Matcher m = wanted.matcher(p.masked());
            return m.find(header.end()) ? Optional.of(p.at(m.start(1))) : Optional.empty();
        });
    }

    private static Pattern alters(String table) {
        return Pattern.compile("^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + QUALIFIER + name(table)
                + END, Pattern.CASE_INSENSITIVE);
    }

    private static Pattern creates(String keyword, String simple) {
        return Pattern.compile(CREATE + keyword + AFTER_KEYWORD + "(" + QUALIFIER + name(simple) + ")" + END,
                Pattern.CASE_INSENSITIVE);
    }

    /** A name as SQL may write it: quoted (case-sensitive), or bare when it needs no quotes. */
    private static String name(String simple) {
        String quoted = "(?-i:" + Pattern.quote("\"" + simple.replace("\"", "\"\"") + "\"") + ")";
        return simple.matches("[a-z_][a-z0-9_$]*") ? "(?:" + quoted + "|" + Pattern.quote(simple) + ")" : quoted;
    }

    /** The first statement, in source order, for which {@code search} finds a location. */
    private Optional<SourceLocation> first(Function<Parsed, Optional<SourceLocation>> search) {
        for (Parsed p : statements()) {
            Optional<SourceLocation> found = search.apply(p);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private List<Parsed> statements() {
        if (statements == null) {
            statements = new ArrayList<>();
            for (SourceFinder.Source source : sources) {
                for (SqlStatement statement : split(source)) {
                    statements.add(new Parsed(source.display(), statement, SqlScripts.mask(statement.sql())));
                }
            }
        }
        return statements;
    }

    /** The statements of a file; none when it cannot be read or split (the build reports that). */
    private static List<SqlStatement> split(SourceFinder.Source source) {
        try {
            return SqlScripts.split(SqlScripts.decode(Files.readAllBytes(source.path()), source.display()),
                    source.display());
        } catch (IOException | FraiseException e) {
            return List.of();
        }
    }

    /** A statement with its mask. */
    private record Parsed(Path display, SqlStatement statement, String masked) {

        /** The line of character {@code index} of the statement. */
        SourceLocation at(int index) {
            int line = statement.line();
            for (int i = 0; i < index; i++) {
                if (masked.charAt(i) == '\n') {
                    line++;
                }
            }
            return SourceLocation.of(display, line);
        }
    }
}
