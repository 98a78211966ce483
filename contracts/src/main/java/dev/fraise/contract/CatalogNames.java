package dev.fraise.contract;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.Suggestions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The names of every relation and function of every user schema, read in one query, to explain a name that is not
 * found: it exists in a schema outside the checked ones, or another name of the checked schemas is close to it.
 */
final class CatalogNames {

    /** What a missing name was looked for among. */
    enum Kind {
        RELATION, FUNCTION
    }

    private static final String QUERY = """
            SELECT 'RELATION', n.nspname, c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
            UNION
            SELECT 'FUNCTION', n.nspname, p.proname
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind = 'f'
            UNION
            SELECT 'SCHEMA', n.nspname, n.nspname
            FROM pg_namespace n
            ORDER BY 1, 2, 3""";

    /** One object: what it is, its schema and its name. */
    private record Name(Kind kind, String schema, String name) {
    }

    private final List<Name> names;
    private final List<String> schemas;
    private final Set<String> existingSchemas;

    private CatalogNames(List<Name> names, List<String> schemas, Set<String> existingSchemas) {
        this.names = names;
        this.schemas = schemas;
        this.existingSchemas = existingSchemas;
    }

    /** The relations and functions of the user schemas; {@code schemas} are the checked ones, in search order. */
    static CatalogNames load(Connection connection, List<String> schemas) {
        List<Name> names = new ArrayList<>();
        Set<String> existingSchemas = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(QUERY);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String schema = rows.getString(2);
                if (rows.getString(1).equals("SCHEMA")) {
                    existingSchemas.add(schema);
                } else if (!system(schema)) {
                    names.add(new Name(Kind.valueOf(rows.getString(1)), schema, rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.INFERENCE_CATALOG_FAILED, "reading the catalog's names failed: "
                    + e.getMessage(), null, e);
        }
        return new CatalogNames(List.copyOf(names), List.copyOf(schemas), Set.copyOf(existingSchemas));
    }

    private static boolean system(String schema) {
        return schema.equals("pg_catalog") || schema.equals("information_schema") || schema.startsWith("pg_toast")
                || schema.startsWith("pg_temp");
    }

    /**
     * Why {@code name} (bare, or {@code schema.name}) was not found among the checked schemas, completing a sentence
     * that names it: {@code ": schema nope does not exist"} for a qualified name whose schema does not exist,
     * {@code ": fn_posts is a function, not a view or table"} for a relation that is a function,
     * {@code ": v_x exists in schema app, which is not in schemas [public]; add it to schemas"}, else
     * {@code notFound}; each followed by {@code "; did you mean v_user?"} when a name of the checked schemas is close.
     *
     * @param notFound how the caller says it does not exist, e.g. {@code ", which does not exist"}
     */
    String explain(String name, Kind kind, String notFound) {
        int dot = name.indexOf('.');
        String bare = name.substring(dot + 1);
        if (dot >= 0 && !existingSchemas.contains(name.substring(0, dot))) {
            Optional<String> same = names.stream().filter(n -> n.kind() == kind && n.name().equals(bare)
                    && schemas.contains(n.schema())).map(Name::name).findFirst();
            return ": schema " + name.substring(0, dot) + " does not exist" + same.or(() -> closest(List.of(bare),
                    kind)).map(c -> "; did you mean " + c + "?").orElse("");
        }
        if (kind == Kind.RELATION && names.stream().anyMatch(n -> n.kind() == Kind.FUNCTION && n.name().equals(bare)
                && (dot < 0 ? schemas.contains(n.schema()) : n.schema().equals(name.substring(0, dot))))) {
            return ": " + bare + " is a function, not a view or table; FraiseQL reads the rows of a view or table";
        }
        return outside(name, kind).map(text -> ": " + text)
                .orElseGet(() -> notFound + closest(List.of(name), kind).map(c -> "; did you mean " + c + "?")
                        .orElse(""));
    }

    /** {@code "v_x exists in schema app, which is not in schemas [public]; add it to schemas"}, if it does. */
    Optional<String> outside(String name, Kind kind) {
        int dot = name.indexOf('.');
        String bare = name.substring(dot + 1);
        Set<String> found = new LinkedHashSet<>();
        for (Name candidate : names) {
            if (candidate.kind() == kind && candidate.name().equals(bare) && !schemas.contains(candidate.schema())
                    && (dot < 0 || candidate.schema().equals(name.substring(0, dot)))) {
                found.add(candidate.schema());
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bare + " exists in " + (found.size() == 1 ? "schema " : "schemas ")
                + String.join(", ", found) + ", which " + (found.size() == 1 ? "is" : "are") + " not in schemas "
                + schemas + "; add " + (found.size() == 1 ? "it" : "one") + " to schemas");
    }

    /**
     * The existing name of the checked schemas closest to any of {@code wanted} by edit distance, when it is close
     * enough: at most 2 edits, and at most a third of the wanted name's length. Bare names compare with the objects of
     * every checked schema (the first schema's wins a tie); {@code app.v_x} with those of {@code app}.
     */
    Optional<String> closest(List<String> wanted, Kind kind) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String schema : schemas) {
            for (Name candidate : names) {
                if (candidate.kind() != kind || !candidate.schema().equals(schema)) {
                    continue;
                }
                for (String name : wanted) {
                    int dot = name.indexOf('.');
                    if (dot >= 0 && !name.substring(0, dot).equals(schema)) {
                        continue;
                    }
                    String bare = name.substring(dot + 1);
                    int distance = Suggestions.distance(bare, candidate.name());
                    if (distance > 0 && distance <= 2 && distance * 3 <= bare.length() && distance < bestDistance) {
                        best = dot >= 0 ? schema + "." + candidate.name() : candidate.name();
                        bestDistance = distance;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
