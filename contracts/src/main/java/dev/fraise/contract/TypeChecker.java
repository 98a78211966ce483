package dev.fraise.contract;

import dev.fraise.error.SourceLocation;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.inference.ShapeInference;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.NeverShape;
import dev.fraise.shape.NullShape;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.ScalarKind;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.UnknownShape;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares one GraphQL type with the inferred shape of its view's {@code data}, recursively through embedded
 * objects and lists, and records a finding for each mismatch: missing keys, kinds, nullability, list items,
 * enum values and keys no field reads. A field of an open object ({@link ObjectShape#open()}) whose key is not
 * among the known ones is one {@code SHAPE_UNKNOWN}: the key may come from the object's unknown remainder.
 *
 * <p>A type embedded with the very shape it is checked against at its own root (a view embedding another view's
 * {@code data}, bound to the embedded type) is compared once, at that root: an embedding reaches the pair without
 * walking it again, so a chain of views embedding each other costs one walk per view, and a drift in the embedded
 * view is reported once, where its own type is checked.
 */
final class TypeChecker {

    private static final Set<String> STRING_SCALARS = Set.of("String", "ID");
    private static final int MAX_PATHS_LISTED = 3;

    private final GraphqlSchema schema;
    private final TypeDefinitionRegistry registry;
    private final ContractOptions options;
    private final ShapeInference inference;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> unmappedScalarsReported = new HashSet<>();
    private final Set<String> fieldsChecked = new HashSet<>();
    private final Set<String> fieldsOfUnknownShape = new HashSet<>();
    /** Definitions by name: graphql-java's lookup rebuilds its map of scalars on every call. */
    private final Map<String, Optional<TypeDefinition<?>>> definitions = new HashMap<>();
    /** The JSON keys each field name may be read from, by field name. */
    private final Map<String, List<String>> keys = new HashMap<>();
    /** By type name: the shapes it is checked against at a root of its own (by identity), with that root's view. */
    private final Map<String, Map<Shape, String>> checkedAtRoot;
    /** By type name and root view: the paths at which embeddings reached that root's pair without walking it. */
    private final Map<String, Set<String>> reachedThrough;

    TypeChecker(GraphqlSchema schema, ContractOptions options, ShapeInference inference) {
        this(schema, options, inference, new HashMap<>(), new HashMap<>());
    }

    private TypeChecker(GraphqlSchema schema, ContractOptions options, ShapeInference inference,
            Map<String, Map<Shape, String>> checkedAtRoot, Map<String, Set<String>> reachedThrough) {
        this.schema = schema;
        this.registry = schema.registry();
        this.options = options;
        this.inference = inference;
        this.checkedAtRoot = checkedAtRoot;
        this.reachedThrough = reachedThrough;
    }

    /**
     * A checker with findings and counts of its own that shares this one's root declarations: it skips the root
     * pairs it reaches, and this checker's {@link #withEmbeddings} names where it reached them.
     */
    TypeChecker sharingRoots() {
        return new TypeChecker(schema, options, inference, checkedAtRoot, reachedThrough);
    }

    List<Finding> findings() {
        return findings;
    }

    /** The fields ({@code Type.field}) compared against an inferred shape at least once, a missing key included. */
    Set<String> fieldsChecked() {
        return Set.copyOf(fieldsChecked);
    }

    /** The fields ({@code Type.field}) reached at least once over a shape that is unknown ({@code SHAPE_UNKNOWN}). */
    Set<String> fieldsOfUnknownShape() {
        return Set.copyOf(fieldsOfUnknownShape);
    }

    /** Where a check is: the path from the root type, the owning type and field, the view and JSON path. */
    private record Spot(String path, String type, Optional<String> field, Optional<SourceLocation> sdl, String view,
            String jsonPath, String servedAt) {

        Spot field(String owner, FieldDefinition definition, String key, Optional<SourceLocation> at) {
            return new Spot(path + "." + definition.getName(), owner, Optional.of(definition.getName()), at, view,
                    jsonPath + "." + key, servedAt + "." + definition.getName());
        }

        Spot items() {
            return new Spot(path + "[]", type, field, sdl, view, jsonPath + "[]", servedAt + "[]");
        }
    }

    /**
     * Declares that {@code type} is checked against {@code data} at a root of its own, so that embeddings of that
     * same shape (the same instance) as that type are not walked again.
     */
    void checkedAtRoot(ImplementingTypeDefinition<?> type, Shape data, String view) {
        checkedAtRoot.computeIfAbsent(type.getName(), k -> new IdentityHashMap<>()).put(data, view);
    }

    /**
     * A finding of a root pair that embeddings reached too, its message naming (up to three of) those paths; any
     * other finding as it is.
     */
    Finding withEmbeddings(Finding finding) {
        int dot = finding.path().indexOf('.');
        String root = dot < 0 ? finding.path() : finding.path().substring(0, dot);
        Set<String> through = reachedThrough.get(root + " " + finding.view());
        if (through == null) {
            return finding;
        }
        String rest = dot < 0 ? "" : finding.path().substring(dot);
        List<String> paths = through.stream().limit(MAX_PATHS_LISTED).map(p -> p + rest).toList();
        String more = through.size() > MAX_PATHS_LISTED ? " and " + (through.size() - MAX_PATHS_LISTED) + " more" : "";
        return new Finding(finding.code(), finding.path(), finding.graphqlType(), finding.field(),
                finding.sdlLocation(), finding.view(), finding.jsonPath(), finding.message() + " (also served at "
                        + String.join(", ", paths) + more + ")", finding.provenance(), finding.suppressed(),
                finding.severity());
    }

    /** Checks the type {@code type} against {@code data}; {@code dataNullability} is the data column's. */
    void checkRoot(ImplementingTypeDefinition<?> type, Shape data, Nullability dataNullability, String view) {
        checkRoot(type, data, dataNullability, view, type.getName());
    }

    /**
     * Checks the type {@code type} against {@code data} served at {@code servedAt} (a mutation's entity), the path
     * {@link #withEmbeddings} names for the root pairs it reaches.
     */
    void checkRoot(ImplementingTypeDefinition<?> type, Shape data, Nullability dataNullability, String view,
            String servedAt) {
        Spot root = new Spot(type.getName(), type.getName(), Optional.empty(), schema.locate(type), view, "$",
                servedAt);
        if (dataNullability.jsonNullOnly()) {
            add(FindingCode.FIELD_MAY_BE_JSON_NULL, root, view + ".data may be a JSON null, so a row has no "
                    + type.getName(), dataNullability.reason());
        } else if (dataNullability.nullable()) {
            add(FindingCode.FIELD_NULLABLE, root, view + ".data can be NULL, so a row has no " + type.getName(),
                    "nullable: " + dataNullability.reason());
        }
        checkNamed(type, data, root);
    }

    /** Records a finding that is not about one field's shape (missing view, columns, sample rows). */
    void add(FindingCode code, String path, String type, Optional<String> field, Optional<SourceLocation> sdl,
            String view, String jsonPath, String message, String provenance) {
        findings.add(new Finding(code, path, type, field, sdl, view, jsonPath, message, provenance, Optional.empty()));
    }

    private void add(FindingCode code, Spot spot, String message, String provenance) {
        add(code, spot.path(), spot.type(), spot.field(), spot.sdl(), spot.view(), spot.jsonPath(), message,
                provenance);
    }

    private void checkObject(ImplementingTypeDefinition<?> type, ObjectShape shape, Spot spot) {
        Set<String> read = new HashSet<>();
        for (FieldDefinition definition : type.getFieldDefinitions()) {
            List<String> keys = keysFor(definition.getName());
            Optional<String> key = keys.stream().filter(shape.fields()::containsKey).findFirst();
            String qualified = type.getName() + "." + definition.getName();
            if (key.isEmpty() && shape.open()) {
                UnknownShape rest = (UnknownShape) shape.fieldOrRemainder(keys.get(0)).orElseThrow().shape();
                fieldsOfUnknownShape.add(qualified);
                add(FindingCode.SHAPE_UNKNOWN, spot.field(type.getName(), definition, keys.get(0),
                        schema.locate(definition)), qualified + " is not checked: " + spot.view()
                        + " does not emit key '" + keys.get(0) + "' itself, and its object is open", rest.reason()
                        + " (" + rest.provenance() + ")");
                continue;
            }
            if (key.isEmpty()) {
                fieldsChecked.add(qualified);
                Spot missing = spot.field(type.getName(), definition, keys.get(0), schema.locate(definition));
                add(FindingCode.FIELD_MISSING, missing, type.getName() + "." + definition.getName() + " reads key '"
                        + keys.get(0) + "' but " + spot.view() + " does not emit it", "emitted keys: "
                        + String.join(", ", shape.fields().keySet()));
                continue;
            }
            read.add(key.get());
            Field field = shape.fields().get(key.get());
            Spot at = spot.field(type.getName(), definition, key.get(), schema.locate(definition));
            int before = findings.size();
            checkField(definition.getType(), field.shape(), field.nullability(), field.maybeAbsent(), at);
            boolean unknown = findings.subList(before, findings.size()).stream().anyMatch(f -> f.code()
                    == FindingCode.SHAPE_UNKNOWN && f.path().replace("[]", "").equals(at.path().replace("[]", "")));
            (unknown ? fieldsOfUnknownShape : fieldsChecked).add(qualified);
        }
        read.addAll(keysOfImplementations(type));
        for (String key : shape.fields().keySet()) {
            if (!read.contains(key)) {
                Spot extra = new Spot(spot.path(), spot.type(), spot.field(), spot.sdl(), spot.view(),
                        spot.jsonPath() + "." + key, spot.servedAt());
                add(FindingCode.KEY_NOT_IN_TYPE, extra, "key '" + key + "' of " + spot.view() + " is read by no field"
                        + " of " + type.getName(), describe(shape.fields().get(key).shape()));
            }
        }
    }

    /** For an interface, the keys its implementing types read: the object behind it is one of them. */
    private Set<String> keysOfImplementations(ImplementingTypeDefinition<?> type) {
        Set<String> keys = new HashSet<>();
        if (!(type instanceof InterfaceTypeDefinition)) {
            return keys;
        }
        for (ImplementingTypeDefinition<?> implementation : registry.getTypes(ImplementingTypeDefinition.class)) {
            if (implementation.getImplements().stream().anyMatch(t -> Sdl.typeName(t).equals(type.getName()))) {
                implementation.getFieldDefinitions().forEach(f -> keys.addAll(keysFor(f.getName())));
            }
        }
        return keys;
    }

    private void checkField(Type<?> type, Shape shape, Nullability nullability, boolean maybeAbsent, Spot spot) {
        Type<?> inner = type;
        if (type instanceof NonNullType nonNull) {
            inner = nonNull.getType();
            if (nullability.jsonNullOnly() && !maybeAbsent) {
                add(FindingCode.FIELD_MAY_BE_JSON_NULL, spot, spot.path() + " is " + Sdl.render(type)
                        + " but it may be a JSON null", nullability.reason());
            } else if (nullability.nullable() || maybeAbsent || shape instanceof NullShape) {
                String why = maybeAbsent && !nullability.nullable() ? "may be absent: " + nullability.reason()
                        : "nullable: " + nullability.reason();
                add(FindingCode.FIELD_NULLABLE, spot, spot.path() + " is " + Sdl.render(type) + " but "
                        + (maybeAbsent && !nullability.nullable() ? "its key may be absent" : "its value can be null"),
                        why);
            }
        }
        checkValue(inner, Sdl.render(type), shape, spot);
    }

    /** Checks a value of {@code type} (non-null already unwrapped), declared as {@code declared}. */
    private void checkValue(Type<?> type, String declared, Shape shape, Spot spot) {
        if (shape instanceof NullShape || shape instanceof NeverShape) {
            return;
        }
        if (shape instanceof UnknownShape unknown) {
            add(FindingCode.SHAPE_UNKNOWN, spot, spot.path() + " is not checked: its shape is unknown",
                    unknown.reason() + " (" + unknown.provenance() + ")");
            return;
        }
        if (type instanceof ListType list) {
            if (!(shape instanceof ArrayShape array)) {
                mismatch(spot, declared, shape);
                return;
            }
            Type<?> item = list.getType();
            String declaredItem = Sdl.render(item);
            Spot items = spot.items();
            if (item instanceof NonNullType nonNull) {
                if (array.itemNullability().nullable()) {
                    add(FindingCode.LIST_ITEM_NULLABLE, items, spot.path() + " is " + declared
                            + " but its items can be null", "nullable: " + array.itemNullability().reason());
                }
                item = nonNull.getType();
            }
            checkValue(item, declaredItem, array.items(), items);
            return;
        }
        String name = Sdl.typeName(type);
        Optional<TypeDefinition<?>> definition = definitions.computeIfAbsent(name,
                n -> Optional.ofNullable(registry.getTypeOrNull(n)));
        if (definition.isEmpty() || definition.get() instanceof graphql.language.ScalarTypeDefinition) {
            checkScalar(name, shape, spot);
        } else if (definition.get() instanceof EnumTypeDefinition enumType) {
            checkEnum(enumType, shape, spot);
        } else if (definition.get() instanceof ImplementingTypeDefinition<?> object) {
            if (!reachedRoot(object, shape, spot.servedAt())) {
                checkNamed(object, shape, spot);
            }
        } else if (definition.get() instanceof UnionTypeDefinition) {
            if (!(shape instanceof ObjectShape) && !isAnyJson(shape)) {
                mismatch(spot, name, shape);
            }
        }
    }

    /**
     * Whether {@code type} over {@code shape} is a pair checked at a root of its own; if so, records that it is also
     * served at {@code servedAt}, for {@link #withEmbeddings}.
     */
    boolean reachedRoot(ImplementingTypeDefinition<?> type, Shape shape, String servedAt) {
        String rootView = checkedAtRoot.getOrDefault(type.getName(), Map.of()).get(shape);
        if (rootView == null) {
            return false;
        }
        reachedThrough.computeIfAbsent(type.getName() + " " + rootView, k -> new LinkedHashSet<>()).add(servedAt);
        return true;
    }

    private void checkNamed(ImplementingTypeDefinition<?> type, Shape shape, Spot spot) {
        if (shape instanceof ObjectShape object) {
            checkObject(type, object, spot);
        } else if (isAnyJson(shape)) {
            add(FindingCode.SHAPE_UNKNOWN, spot, spot.path() + " is not checked: " + shape.provenance().source()
                    + " is JSON of unknown structure", describe(shape));
        } else if (!(shape instanceof UnknownShape)) {
            mismatch(spot, type.getName(), shape);
        } else {
            checkValue(new graphql.language.TypeName(type.getName()), type.getName(), shape, spot);
        }
    }

    private void checkScalar(String scalar, Shape shape, Spot spot) {
        if ("JSON".equals(scalar) || "Json".equals(scalar) || "JSONObject".equals(scalar)) {
            return;
        }
        if (isAnyJson(shape)) {
            add(FindingCode.SHAPE_UNKNOWN, spot, spot.path() + " is not checked: " + shape.provenance().source()
                    + " is JSON of unknown structure", describe(shape));
            return;
        }
        if (!(shape instanceof ScalarShape value)) {
            mismatch(spot, scalar, shape);
            return;
        }
        boolean ok = switch (scalar) {
            case "Int" -> value.scalarKind() == ScalarKind.NUMBER && value.integer();
            case "Float" -> value.scalarKind() == ScalarKind.NUMBER;
            case "Boolean" -> value.scalarKind() == ScalarKind.BOOLEAN;
            case "ID" -> value.scalarKind() == ScalarKind.STRING
                    || value.scalarKind() == ScalarKind.NUMBER && value.integer();
            case "String" -> value.scalarKind() == ScalarKind.STRING;
            default -> customScalar(scalar, value, spot);
        };
        if (!ok) {
            mismatch(spot, scalar, shape);
        }
    }

    private boolean customScalar(String scalar, ScalarShape value, Spot spot) {
        Optional<Set<String>> accepted = options.acceptedSqlTypes(scalar);
        if (accepted.isEmpty()) {
            if (unmappedScalarsReported.add(scalar)) {
                add(FindingCode.SCALAR_UNMAPPED, spot, "custom scalar " + scalar + " has no SQL type mapping;"
                        + " JSON strings are accepted", "configure scalarTypes." + scalar);
            }
            return value.scalarKind() == ScalarKind.STRING;
        }
        // A mapped SQL type is accepted whatever JSON it becomes: Decimal mapped to numeric reads a JSON number.
        return accepted.get().contains(value.provenance().sqlType()) || STRING_SCALARS.contains(scalar);
    }

    private void checkEnum(EnumTypeDefinition type, Shape shape, Spot spot) {
        if (!(shape instanceof ScalarShape value) || value.scalarKind() != ScalarKind.STRING) {
            mismatch(spot, type.getName(), shape);
            return;
        }
        Optional<List<String>> labels = inference.enumLabels(value.provenance().sqlType());
        String sqlSide = "SQL enum " + value.provenance().sqlType();
        if (labels.isEmpty()) {
            labels = inference.allowedValues(value.provenance().source());
            sqlSide = "CHECK constraint on " + value.provenance().source();
        }
        if (labels.isEmpty()) {
            return;
        }
        Set<String> declared = new HashSet<>();
        type.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).forEach(declared::add);
        List<String> missing = labels.get().stream().filter(l -> !declared.contains(l)).toList();
        if (!missing.isEmpty()) {
            List<String> byCase = missing.stream().flatMap(m -> declared.stream().filter(d -> d.equalsIgnoreCase(m)))
                    .toList();
            String hint = byCase.size() == missing.size() ? " (they differ from " + String.join(", ", byCase)
                    + " only by letter case)" : "";
            add(FindingCode.ENUM_VALUE_MISMATCH, spot, sqlSide + " allows values "
                    + missing + " that GraphQL enum " + type.getName() + " lacks" + hint, describe(shape));
        }
    }

    private List<String> keysFor(String field) {
        return keys.computeIfAbsent(field, options.naming()::keysFor);
    }

    private void mismatch(Spot spot, String expected, Shape actual) {
        add(FindingCode.FIELD_TYPE_MISMATCH, spot, spot.path() + " is " + expected + " but " + spot.view() + " emits "
                + article(actual.kind()) + " (" + actual.provenance().sqlType() + ")", describe(actual));
    }

    private static boolean isAnyJson(Shape shape) {
        return shape instanceof ScalarShape s && s.scalarKind() == ScalarKind.ANY_JSON;
    }

    private static String describe(Shape shape) {
        return shape.provenance().sqlType() + " ← " + shape.provenance().source() + " in " + shape.provenance().view();
    }

    private static String article(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
