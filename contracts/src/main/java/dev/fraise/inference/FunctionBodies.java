package dev.fraise.inference;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The PL/pgSQL and SQL functions of the checked schemas, their bodies read into statements, loaded in one query
 * the first time a function body is needed.
 */
final class FunctionBodies {

    private static final String QUERY = """
            SELECT p.oid, n.nspname, p.proname, l.lanname, p.proisstrict, p.prosrc,
                   (SELECT coalesce(array_agg(coalesce(p.proargnames[a.i], '') ORDER BY a.i), '{}')
                    FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY a(t, i)
                    WHERE coalesce(p.proargmodes[a.i], 'i') IN ('i', 'b', 'v')),
                   (SELECT coalesce(array_agg(format_type(a.t, NULL) ORDER BY a.i), '{}')
                    FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY a(t, i)
                    WHERE coalesce(p.proargmodes[a.i], 'i') IN ('i', 'b', 'v'))
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
            WHERE p.prokind = 'f' AND l.lanname IN ('plpgsql', 'sql') AND n.nspname = ANY (?)
            ORDER BY n.nspname, p.proname, p.oid""";

    private final List<FunctionBody> bodies;
    private final Optional<String> problem;

    private FunctionBodies(List<FunctionBody> bodies, Optional<String> problem) {
        this.bodies = bodies;
        this.problem = problem;
    }

    static FunctionBodies read(Connection connection, List<String> schemas) {
        List<FunctionBody> bodies = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            Array array = connection.createArrayOf("text", schemas.toArray());
            statement.setArray(1, array);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    bodies.add(FunctionBody.parse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getString(6), strings(rs.getArray(7)), strings(rs.getArray(8))));
                }
            }
            return new FunctionBodies(bodies, Optional.empty());
        } catch (SQLException e) {
            return new FunctionBodies(List.of(), Optional.of("reading function bodies failed: "
                    + ProbeViews.describe(e)));
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    /** Why no body could be read, empty when they were. */
    Optional<String> problem() {
        return problem;
    }

    /** The functions whose source mentions {@code name} (a quick filter before their statements are read). */
    List<FunctionBody> mentioning(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return bodies.stream().filter(b -> b.statements().stream().anyMatch(s -> s.stream()
                .anyMatch(t -> t.isIdentifier() && t.identifier().equals(lower)))).toList();
    }

    /** The function named {@code name} (bare, or schema-qualified) with these input types, if any. */
    Optional<FunctionBody> named(String schema, String name, List<String> inputTypes) {
        return bodies.stream().filter(b -> b.schema().equals(schema) && b.name().equals(name))
                .filter(b -> inputTypes == null || b.label().endsWith("(" + String.join(", ", inputTypes) + ")"))
                .findFirst();
    }

    /** The functions a call {@code name(…)} with {@code arguments} arguments can reach, searched in {@code schemas}. */
    Optional<FunctionBody> callable(String name, int arguments, List<String> schemas) {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        List<String> searched = name.contains(".") ? List.of(name.substring(0, name.lastIndexOf('.'))) : schemas;
        for (String schema : searched) {
            Optional<FunctionBody> found = bodies.stream().filter(b -> b.schema().equals(schema)
                    && b.name().equals(bare) && parameters(b) == arguments).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static int parameters(FunctionBody body) {
        return (int) body.variables().keySet().stream().filter(k -> k.startsWith("$")).count();
    }
}
