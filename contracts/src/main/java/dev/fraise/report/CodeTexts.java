package dev.fraise.report;

import dev.fraise.contract.FindingCode;

/**
 * What each finding code means and how to fix it, for SARIF rules; the same texts as {@code docs/contracts.md}.
 * The switches have no default, so a new code does not compile until it is described here.
 */
final class CodeTexts {

    private CodeTexts() {
    }

    static String meaning(FindingCode code) {
        return switch (code) {
            case VIEW_MISSING -> "The view a GraphQL type is bound to does not exist.";
            case DATA_COLUMN_MISSING -> "The view a GraphQL type is bound to has no data column.";
            case ID_COLUMN_MISSING -> "The view a GraphQL type is bound to has no id column to filter on.";
            case FIELD_MISSING -> "A GraphQL field has no key in the view's data.";
            case FIELD_TYPE_MISMATCH -> "The JSON kind of a key does not match the GraphQL field's type.";
            case FIELD_NULLABLE -> "A non-null GraphQL field over a value that can be null or a key that can be"
                    + " absent.";
            case FIELD_MAY_BE_JSON_NULL -> "A non-null GraphQL field over a NOT NULL json/jsonb value, which can"
                    + " still hold a JSON null.";
            case LIST_ITEM_NULLABLE -> "A list of non-null items over a JSON array whose items can be null.";
            case ENUM_VALUE_MISMATCH -> "The SQL enum or CHECK list allows values the GraphQL enum lacks.";
            case KEY_NOT_IN_TYPE -> "A key of the view's data that no GraphQL field reads.";
            case SHAPE_UNKNOWN -> "The shape of a value cannot be inferred statically, so its field is not"
                    + " checked.";
            case SCALAR_UNMAPPED -> "A custom scalar has no SQL type mapping; JSON strings are accepted.";
            case SAMPLE_VIOLATION -> "A real row of the view contradicts the GraphQL type (sample mode).";
            case QUERY_SOURCE_MISSING -> "A Query field's @sqlSource names a view that does not exist.";
            case QUERY_ARGUMENT_UNFILTERABLE -> "An argument of a Query field names neither a column nor a data key"
                    + " of its view.";
            case QUERY_ARGUMENT_TYPE_MISMATCH -> "An argument of a Query field has a type its column or data key"
                    + " cannot be compared with.";
            case QUERY_ARGUMENT_UNCHECKED -> "An input-object argument of a Query field is not checked.";
            case QUERY_INJECT_COLUMN_MISSING -> "An inject param of a Query field names a column its view does not"
                    + " have.";
            case SDL_PARSE_ERROR -> "The GraphQL schema does not parse.";
            case LINT_TRINITY_PK -> "A tb_ table has no pk_<entity> integer identity primary key.";
            case LINT_TRINITY_ID -> "A tb_ table has no id uuid NOT NULL UNIQUE column.";
            case LINT_TRINITY_IDENTIFIER -> "A tb_ table has no text identifier column.";
            case LINT_FK_TARGET -> "An fk_ column does not reference the pk_ column of a tb_ table.";
            case LINT_VIEW_COLUMNS -> "A v_ view lacks an id column or a json/jsonb data column.";
            case LINT_PK_LEAK -> "A pk_ value is in a view's data: a key named pk_* or a value read from a pk_"
                    + " column.";
            case MUTATION_FUNCTION_MISSING -> "A Mutation field has no function: not its @sqlSource, fn_<snake>"
                    + " nor <snake>.";
            case MUTATION_ARITY -> "A mutation function takes another number of parameters than the profile's call"
                    + " passes.";
            case MUTATION_PARAM_TYPE -> "A mutation function's parameter type (or context parameter name) does not"
                    + " match what the call passes.";
            case MUTATION_PARAM_ORDER -> "A flattened input field reaches a mutation function parameter named after"
                    + " another input field.";
            case MUTATION_RETURN_SHAPE -> "A mutation function returns neither the profile's mutation_response nor"
                    + " rows of a view the payload type accepts.";
            case MUTATION_SAMPLE_ENTITY_MISMATCH -> "Called with a generated valid input (rolled back), a mutation"
                    + " function returned an entity its payload's entity type does not accept.";
            case MUTATION_SAMPLE_FAILED -> "Called with a generated input (rolled back), a mutation function raised"
                    + " or returned a failure status, so its entity was not checked.";
            case MUTATION_SAMPLE_SKIPPED -> "No valid input could be generated for a mutation function, so it was"
                    + " not called and its entity was not checked.";
            case TV_SHAPE_INVALID -> "A tv_ table is not (id uuid PRIMARY KEY, data jsonb NOT NULL).";
            case TV_SYNC_FUNCTION_MISSING -> "A tv_ table has neither sync_tv_x() nor fn_sync_tv_x(id).";
            case TV_OUT_OF_SYNC -> "After its sync function ran, a tv_ table differs from its source view.";
            case TYPE_NOT_CHECKED -> "An object type nothing checked: no view, no checked type embeds it, and no"
                    + " mutation's return check verified it.";
            case TV_NOT_A_TABLE -> "A tv_ relation is a view or a materialized view, not a table a sync function"
                    + " fills.";
            case TV_SYNC_FAILED -> "A tv_ sync function fails when it runs on the current rows.";
            case TV_SOURCE_MISSING -> "A tv_ table has no source view to compare with, so its rows are never"
                    + " compared.";
            case MUTATION_ENTITY_UNKNOWN -> "The entity a mutation function returns could not be analysed, so the"
                    + " payload's entity type is not checked against it.";
        };
    }

    static String fix(FindingCode code) {
        return switch (code) {
            case VIEW_MISSING -> "Create the view, or bind the type to an existing one with @sqlSource(name:) or"
                    + " the configured type sources.";
            case DATA_COLUMN_MISSING -> "Select the JSONB object the API returns AS data in the view.";
            case ID_COLUMN_MISSING -> "Select the row's public id AS id next to data.";
            case FIELD_MISSING -> "Emit the key in the view's jsonb_build_object, or remove or rename the field.";
            case FIELD_TYPE_MISMATCH -> "Cast the value in the view (e.g. count(*)::int, not ::text), or change"
                    + " the field's type.";
            case FIELD_NULLABLE -> "Make the source NOT NULL, use an INNER JOIN or COALESCE in the view, or make"
                    + " the field nullable.";
            case FIELD_MAY_BE_JSON_NULL -> "Keep JSON null out of the column (CHECK (jsonb_typeof(col) <> 'null')),"
                    + " or make the field nullable.";
            case LIST_ITEM_NULLABLE -> "Filter the nulls out of the aggregate (FILTER (WHERE ... IS NOT NULL)), or"
                    + " make the items nullable.";
            case ENUM_VALUE_MISMATCH -> "Add the values to the GraphQL enum, or remove them from the SQL enum or"
                    + " CHECK constraint.";
            case KEY_NOT_IN_TYPE -> "Add a field that reads the key, or stop emitting it from the view.";
            case SHAPE_UNKNOWN -> "Build the value with jsonb_build_object or a typed column, or check it in"
                    + " sample mode.";
            case SCALAR_UNMAPPED -> "Map the scalar to the SQL types it accepts (ContractOptions.withScalar).";
            case SAMPLE_VIOLATION -> "Fix the row's data, or the view or type that lets it through.";
            case QUERY_SOURCE_MISSING -> "Create the view, or fix the name in @sqlSource.";
            case QUERY_ARGUMENT_UNFILTERABLE -> "Select the value as a column or a data key of the view, or rename"
                    + " or remove the argument.";
            case QUERY_ARGUMENT_TYPE_MISMATCH -> "Change the argument's type to match the column or key, or cast"
                    + " it in the view.";
            case QUERY_ARGUMENT_UNCHECKED -> "Pass FraiseQL's where filter instead, or flatten the input into"
                    + " scalar arguments.";
            case QUERY_INJECT_COLUMN_MISSING -> "Select the column in the view, or fix the name in injectParams.";
            case SDL_PARSE_ERROR -> "Fix the GraphQL syntax at the location given.";
            case LINT_TRINITY_PK -> "Declare pk_<entity> INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY.";
            case LINT_TRINITY_ID -> "Declare id UUID DEFAULT gen_random_uuid() NOT NULL UNIQUE.";
            case LINT_TRINITY_IDENTIFIER -> "Declare identifier TEXT (UNIQUE when it is a human key), or"
                    + " suppress the finding for tables without one.";
            case LINT_FK_TARGET -> "Reference the target's pk_ column: fk_user INTEGER REFERENCES"
                    + " tb_user(pk_user), or fk_author INTEGER REFERENCES tb_user(pk_user) for a role.";
            case LINT_VIEW_COLUMNS -> "Select the row's public id AS id and the JSONB object AS data.";
            case LINT_PK_LEAK -> "Expose the public id (id::text) instead; pk_ values are internal.";
            case MUTATION_FUNCTION_MISSING -> "Create the function, or name it in @sqlSource(name:) on the field.";
            case MUTATION_ARITY -> "Match the parameters to the profile: v1 one jsonb input after the context"
                    + " parameters, v2 one per input field before them.";
            case MUTATION_PARAM_TYPE -> "Change the parameter's type (or name) or the GraphQL argument's type.";
            case MUTATION_PARAM_ORDER -> "Reorder the function's parameters (or the input type's fields) so that each"
                    + " field reaches the parameter named after it.";
            case MUTATION_RETURN_SHAPE -> "Return the profile's mutation_response (or SETOF the payload's view), or"
                    + " fix the payload type.";
            case MUTATION_SAMPLE_ENTITY_MISMATCH -> "Build the entity from the view of its type (SELECT data FROM v_x"
                    + " WHERE id = the new id), or fix the key, value or null the finding's JSON path names.";
            case MUTATION_SAMPLE_FAILED -> "Fix the statement PostgreSQL rejects, or make the generated input (in the"
                    + " finding) valid: seed the rows it references, or declare the values the function accepts.";
            case MUTATION_SAMPLE_SKIPPED -> "Seed a row of the relation the input references (the finding names it),"
                    + " or turn mutation samples off for this check.";
            case TV_SHAPE_INVALID -> "Declare the table as (id uuid PRIMARY KEY, data jsonb NOT NULL).";
            case TV_SYNC_FUNCTION_MISSING -> "Create sync_tv_x() or fn_sync_tv_x(id) that copies the source view's"
                    + " rows.";
            case TV_OUT_OF_SYNC -> "Make the sync function copy the source view's data as is (SELECT id, data FROM"
                    + " v_x).";
            case TYPE_NOT_CHECKED -> "Bind the type to a view (@sqlSource, a Query field's @sqlSource, or the"
                    + " configured type sources), embed it in a checked type, or suppress TYPE_NOT_CHECKED on it"
                    + " with a reason.";
            case TV_NOT_A_TABLE -> "Create tv_x as a table (id uuid PRIMARY KEY, data jsonb NOT NULL) filled by"
                    + " sync_tv_x(), or drop it and read the source view v_x directly.";
            case TV_SOURCE_MISSING -> "Create the source view v_x, or name the view tv_x is materialised from in"
                    + " the projection sources.";
            case TV_SYNC_FAILED -> "Fix the statement PostgreSQL rejects (message, SQLSTATE and context in the"
                    + " finding) in the sync function.";
            case MUTATION_ENTITY_UNKNOWN -> "Build the entity with SELECT data INTO v_entity FROM v_x, an expression,"
                    + " or ROW(...) in a RETURN the check reads, or fix the query PostgreSQL rejects (in the finding).";
        };
    }
}
