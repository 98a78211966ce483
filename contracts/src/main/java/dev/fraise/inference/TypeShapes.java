package dev.fraise.inference;

import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Presence;
import dev.fraise.shape.Provenance;
import dev.fraise.shape.ScalarKind;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.UnknownShape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a value of a SQL type becomes in {@code to_jsonb}/{@code jsonb_build_object}, following PostgreSQL's
 * {@code json_categorize_type}: booleans, numbers (int2/int4/int8 are integers), json/jsonb as they are, arrays,
 * composites as objects, user types with a cast to json as any JSON, everything else as its text output.
 */
final class TypeShapes {

    static final long BOOL = 16;
    static final long INT8 = 20;
    static final long INT2 = 21;
    static final long INT4 = 23;
    static final long TEXT = 25;
    static final long JSON = 114;
    static final long FLOAT4 = 700;
    static final long FLOAT8 = 701;
    static final long UNKNOWN = 705;
    static final long NUMERIC = 1700;
    static final long RECORD = 2249;
    static final long JSONB = 3802;

    private final Catalog catalog;

    TypeShapes(Catalog catalog) {
        this.catalog = catalog;
    }

    static boolean isJson(long type) {
        return type == JSON || type == JSONB;
    }

    Provenance provenance(String view, long type, String source) {
        return new Provenance(view, catalog.typeName(type), source);
    }

    Shape shapeOf(long typeOid, String view, String source) {
        return shapeOf(typeOid, view, source, 0);
    }

    private Shape shapeOf(long typeOid, String view, String source, int depth) {
        Provenance provenance = provenance(view, typeOid, source);
        long type = baseType(typeOid);
        if (type == BOOL) {
            return new ScalarShape(ScalarKind.BOOLEAN, false, provenance);
        }
        if (type == INT2 || type == INT4 || type == INT8) {
            return new ScalarShape(ScalarKind.NUMBER, true, provenance);
        }
        if (type == FLOAT4 || type == FLOAT8 || type == NUMERIC) {
            return new ScalarShape(ScalarKind.NUMBER, false, provenance);
        }
        if (isJson(type) || catalog.typesWithJsonCast().contains(type)) {
            return new ScalarShape(ScalarKind.ANY_JSON, false, provenance);
        }
        Catalog.TypeInfo info = catalog.types().get(type);
        if (info == null || depth > 8) {
            return new UnknownShape("type " + catalog.typeName(typeOid) + " is not known", provenance);
        }
        if (info.category() == 'A' && info.element() != 0) {
            return new ArrayShape(shapeOf(info.element(), view, source + "[]", depth + 1),
                    Nullability.nullable("SQL array elements may be NULL"), provenance);
        }
        if (type == RECORD) {
            return new UnknownShape("an anonymous record has no known columns", provenance);
        }
        if (info.relation() != 0) {
            return catalog.relation(info.relation()).<Shape>map(rel -> {
                Map<String, Field> fields = new LinkedHashMap<>();
                for (Catalog.Column column : rel.columns()) {
                    fields.put(column.name(), new Field(column.name(),
                            shapeOf(column.typeOid(), view, source + "." + column.name(), depth + 1),
                            Nullability.nullable("attribute of a composite value may be NULL"), Presence.ALWAYS));
                }
                return new ObjectShape(fields, provenance);
            }).orElseGet(() -> new UnknownShape("composite type " + info.name() + " is outside the inferred schemas",
                    provenance));
        }
        return new ScalarShape(ScalarKind.STRING, false, provenance);
    }

    /** A domain's base type (domains over domains included). */
    long baseType(long typeOid) {
        long type = typeOid;
        for (int i = 0; i < 16; i++) {
            Catalog.TypeInfo info = catalog.types().get(type);
            if (info == null || info.typtype() != 'd') {
                return type;
            }
            type = info.baseType();
        }
        return type;
    }
}
