package dev.fraise.breaking;

import dev.fraise.error.SourceLocation;
import dev.fraise.graphql.GraphqlSchema;
import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NamedNode;
import graphql.language.Node;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SDL half of the gate: every type, field, argument, input field, enum value, union member and interface of
 * the base schema against HEAD's, classified with graphql-inspector's rules. Type extensions are merged into
 * their types.
 */
final class SdlDiff {

    private final GraphqlSchema base;
    private final GraphqlSchema head;
    private final List<SchemaChange> changes = new ArrayList<>();

    private SdlDiff(GraphqlSchema base, GraphqlSchema head) {
        this.base = base;
        this.head = head;
    }

    static List<SchemaChange> between(GraphqlSchema base, GraphqlSchema head) {
        SdlDiff diff = new SdlDiff(base, head);
        diff.run();
        return diff.changes;
    }

    private void run() {
        Map<String, TypeDefinition<?>> before = types(base.registry());
        Map<String, TypeDefinition<?>> after = types(head.registry());
        before.forEach((name, old) -> {
            TypeDefinition<?> now = after.get(name);
            if (now == null) {
                add(ChangeCode.TYPE_REMOVED, name, "type " + name + " was removed", Optional.of(kind(old)),
                        Optional.empty(), Optional.empty());
            } else if (!kind(old).equals(kind(now))) {
                add(ChangeCode.TYPE_KIND_CHANGED, name, name + " changed from " + kind(old) + " to " + kind(now),
                        Optional.of(kind(old)), Optional.of(kind(now)), head.locate(now));
            } else {
                compareType(old, now);
            }
        });
        after.forEach((name, now) -> {
            if (!before.containsKey(name)) {
                add(ChangeCode.TYPE_ADDED, name, kind(now) + " " + name + " was added", Optional.empty(),
                        Optional.of(kind(now)), head.locate(now));
            }
        });
    }

    private void compareType(TypeDefinition<?> old, TypeDefinition<?> now) {
        if (old instanceof ImplementingTypeDefinition<?> o && now instanceof ImplementingTypeDefinition<?> n) {
            compareFields(o, n);
            compareMembers(ChangeCode.INTERFACE_REMOVED, ChangeCode.INTERFACE_ADDED, "interface", now,
                    extended(base.registry(), o).interfaces, extended(head.registry(), n).interfaces);
        } else if (old instanceof InputObjectTypeDefinition o && now instanceof InputObjectTypeDefinition n) {
            compareInputs(now.getName(), inputFields(base.registry(), o), inputFields(head.registry(), n), true);
        } else if (old instanceof EnumTypeDefinition o && now instanceof EnumTypeDefinition n) {
            compareMembers(ChangeCode.ENUM_VALUE_REMOVED, ChangeCode.ENUM_VALUE_ADDED, "enum value", now,
                    enumValues(base.registry(), o), enumValues(head.registry(), n));
        } else if (old instanceof UnionTypeDefinition o && now instanceof UnionTypeDefinition n) {
            compareMembers(ChangeCode.UNION_MEMBER_REMOVED, ChangeCode.UNION_MEMBER_ADDED, "member", now,
                    unionMembers(base.registry(), o), unionMembers(head.registry(), n));
        }
    }

    private void compareFields(ImplementingTypeDefinition<?> old, ImplementingTypeDefinition<?> now) {
        String type = now.getName();
        Map<String, FieldDefinition> before = extended(base.registry(), old).fields;
        Map<String, FieldDefinition> after = extended(head.registry(), now).fields;
        before.forEach((name, field) -> {
            String path = type + "." + name;
            FieldDefinition current = after.get(name);
            if (current == null) {
                add(ChangeCode.FIELD_REMOVED, path, "field " + path + " was removed", Optional.of(render(field
                        .getType())), Optional.empty(), head.locate(now));
                return;
            }
            compareOutputType(path, field.getType(), current);
            if (field.getDirectives("deprecated").isEmpty() && !current.getDirectives("deprecated").isEmpty()) {
                add(ChangeCode.FIELD_DEPRECATED, path, "field " + path + " was deprecated", Optional.empty(),
                        Optional.empty(), head.locate(current));
            }
            compareInputs(path, byName(field.getInputValueDefinitions()), byName(current.getInputValueDefinitions()),
                    false);
        });
        after.forEach((name, field) -> {
            if (!before.containsKey(name)) {
                add(ChangeCode.FIELD_ADDED, type + "." + name, "field " + type + "." + name + " was added",
                        Optional.empty(), Optional.of(render(field.getType())), head.locate(field));
            }
        });
    }

    private void compareOutputType(String path, Type<?> old, FieldDefinition current) {
        Type<?> now = current.getType();
        String from = render(old);
        String to = render(now);
        if (from.equals(to)) {
            return;
        }
        if (safeOutput(old, now)) {
            add(ChangeCode.FIELD_NOW_NON_NULL, path, path + " became stricter: " + from + " to " + to,
                    Optional.of(from), Optional.of(to), head.locate(current));
        } else if (stripNonNull(old).equals(stripNonNull(now))) {
            add(ChangeCode.FIELD_NOW_NULLABLE, path, path + " became nullable: " + from + " to " + to
                    + "; clients that expect a value get null", Optional.of(from), Optional.of(to),
                    head.locate(current));
        } else {
            add(ChangeCode.FIELD_TYPE_CHANGED, path, path + " changed type from " + from + " to " + to,
                    Optional.of(from), Optional.of(to), head.locate(current));
        }
    }

    /** Arguments of a field ({@code input == false}) or fields of an input type. */
    private void compareInputs(String owner, Map<String, InputValueDefinition> before,
            Map<String, InputValueDefinition> after, boolean inputType) {
        String what = inputType ? "input field" : "argument";
        before.forEach((name, value) -> {
            String path = owner + "." + name;
            InputValueDefinition current = after.get(name);
            if (current == null) {
                add(inputType ? ChangeCode.INPUT_FIELD_REMOVED : ChangeCode.ARGUMENT_REMOVED, path, what + " "
                        + path + " was removed", Optional.of(render(value.getType())), Optional.empty(),
                        ownerLocation(owner));
                return;
            }
            String from = render(value.getType());
            String to = render(current.getType());
            if (!from.equals(to)) {
                boolean safe = safeInput(value.getType(), current.getType());
                ChangeCode code = inputType
                        ? safe ? ChangeCode.INPUT_FIELD_NOW_OPTIONAL : ChangeCode.INPUT_FIELD_TYPE_CHANGED
                        : safe ? ChangeCode.ARGUMENT_NOW_OPTIONAL : ChangeCode.ARGUMENT_TYPE_CHANGED;
                add(code, path, what + " " + path + " changed type from " + from + " to " + to
                        + (safe ? "" : "; existing queries may no longer be valid"), Optional.of(from), Optional.of(to),
                        head.locate(current));
            }
            String oldDefault = defaultOf(value);
            String newDefault = defaultOf(current);
            if (!oldDefault.equals(newDefault)) {
                add(ChangeCode.ARGUMENT_DEFAULT_CHANGED, path, "default value of " + path + " changed from "
                        + (oldDefault.isEmpty() ? "none" : oldDefault) + " to "
                        + (newDefault.isEmpty() ? "none" : newDefault), Optional.of(oldDefault),
                        Optional.of(newDefault), head.locate(current));
            }
        });
        after.forEach((name, value) -> {
            if (before.containsKey(name)) {
                return;
            }
            String path = owner + "." + name;
            boolean required = value.getType() instanceof NonNullType && value.getDefaultValue() == null;
            ChangeCode code = inputType
                    ? required ? ChangeCode.INPUT_FIELD_ADDED_REQUIRED : ChangeCode.INPUT_FIELD_ADDED
                    : required ? ChangeCode.ARGUMENT_ADDED_REQUIRED : ChangeCode.ARGUMENT_ADDED;
            add(code, path, (required ? "required " : "optional ") + what + " " + path + " was added"
                    + (required ? "; existing " + (inputType ? "inputs" : "queries") + " lack it" : ""),
                    Optional.empty(), Optional.of(render(value.getType())), head.locate(value));
        });
    }

    private void compareMembers(ChangeCode removed, ChangeCode added, String what, TypeDefinition<?> now,
            Map<String, Node<?>> before, Map<String, Node<?>> after) {
        String type = now.getName();
        before.keySet().stream().filter(m -> !after.containsKey(m)).forEach(m -> add(removed, type + "." + m,
                what + " " + m + " was removed from " + type, Optional.of(m), Optional.empty(), head.locate(now)));
        after.forEach((m, node) -> {
            if (!before.containsKey(m)) {
                add(added, type + "." + m, what + " " + m + " was added to " + type, Optional.empty(), Optional.of(m),
                        head.locate(node).or(() -> head.locate(now)));
            }
        });
    }

    private Optional<SourceLocation> ownerLocation(String path) {
        String[] parts = path.split("\\.");
        Optional<TypeDefinition<?>> type = Optional.ofNullable(head.registry().getTypeOrNull(parts[0]));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (parts.length > 1 && type.get() instanceof ImplementingTypeDefinition<?> implementing) {
            FieldDefinition field = extended(head.registry(), implementing).fields.get(parts[1]);
            if (field != null) {
                return head.locate(field);
            }
        }
        return head.locate(type.get());
    }

    private void add(ChangeCode code, String path, String message, Optional<String> before, Optional<String> after,
            Optional<SourceLocation> location) {
        changes.add(new SchemaChange(severity(code), code, path, message, before, after, location));
    }

    static ChangeSeverity severity(ChangeCode code) {
        return switch (code) {
            case TYPE_ADDED, FIELD_ADDED, FIELD_NOW_NON_NULL, FIELD_DEPRECATED, ARGUMENT_ADDED, ARGUMENT_NOW_OPTIONAL,
                    INPUT_FIELD_ADDED, INPUT_FIELD_NOW_OPTIONAL, VIEW_KEY_ADDED -> ChangeSeverity.SAFE;
            case ARGUMENT_DEFAULT_CHANGED, ENUM_VALUE_ADDED, UNION_MEMBER_ADDED, INTERFACE_ADDED ->
                    ChangeSeverity.DANGEROUS;
            default -> ChangeSeverity.BREAKING;
        };
    }

    /** Whether an output of type {@code now} satisfies every client of {@code old}: only non-null was added. */
    static boolean safeOutput(Type<?> old, Type<?> now) {
        if (now instanceof NonNullType n) {
            return safeOutput(old instanceof NonNullType o ? o.getType() : old, n.getType());
        }
        if (old instanceof NonNullType) {
            return false;
        }
        if (old instanceof ListType o && now instanceof ListType n) {
            return safeOutput(o.getType(), n.getType());
        }
        return old instanceof TypeName o && now instanceof TypeName n && o.getName().equals(n.getName());
    }

    /** Whether every value valid for an input of type {@code old} is valid for {@code now}: only non-null dropped. */
    static boolean safeInput(Type<?> old, Type<?> now) {
        if (old instanceof NonNullType o) {
            return safeInput(o.getType(), now instanceof NonNullType n ? n.getType() : now);
        }
        if (now instanceof NonNullType) {
            return false;
        }
        if (old instanceof ListType o && now instanceof ListType n) {
            return safeInput(o.getType(), n.getType());
        }
        return old instanceof TypeName o && now instanceof TypeName n && o.getName().equals(n.getName());
    }

    private static String stripNonNull(Type<?> type) {
        return render(type).replace("!", "");
    }

    static String render(Type<?> type) {
        if (type instanceof TypeName name) {
            return name.getName();
        }
        if (type instanceof NonNullType nonNull) {
            return render(nonNull.getType()) + "!";
        }
        return "[" + render(((ListType) type).getType()) + "]";
    }

    private static String defaultOf(InputValueDefinition value) {
        return value.getDefaultValue() == null ? "" : AstPrinter.printAst(value.getDefaultValue());
    }

    private static String kind(TypeDefinition<?> type) {
        String keyword = GraphqlSchema.keyword(type);
        return keyword.equals("type") ? "object" : keyword;
    }

    private static Map<String, TypeDefinition<?>> types(TypeDefinitionRegistry registry) {
        Map<String, TypeDefinition<?>> types = new LinkedHashMap<>();
        registry.types().forEach(types::put);
        registry.scalars().forEach((name, scalar) -> {
            if (scalar.getSourceLocation() != null && scalar.getSourceLocation().getSourceName() != null) {
                types.put(name, scalar);
            }
        });
        return types;
    }

    /** The fields and interfaces of a type with those of its extensions. */
    private record Extended(Map<String, FieldDefinition> fields, Map<String, Node<?>> interfaces) {
    }

    private static Extended extended(TypeDefinitionRegistry registry, ImplementingTypeDefinition<?> type) {
        Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        Map<String, Node<?>> interfaces = new LinkedHashMap<>();
        List<ImplementingTypeDefinition<?>> parts = new ArrayList<>(List.of(type));
        if (type instanceof ObjectTypeDefinition) {
            parts.addAll(registry.objectTypeExtensions().getOrDefault(type.getName(), List.of()));
        } else if (type instanceof InterfaceTypeDefinition) {
            parts.addAll(registry.interfaceTypeExtensions().getOrDefault(type.getName(), List.of()));
        }
        for (ImplementingTypeDefinition<?> part : parts) {
            part.getFieldDefinitions().forEach(f -> fields.putIfAbsent(f.getName(), f));
            part.getImplements().forEach(t -> interfaces.putIfAbsent(((TypeName) t).getName(), t));
        }
        return new Extended(fields, interfaces);
    }

    private static Map<String, InputValueDefinition> inputFields(TypeDefinitionRegistry registry,
            InputObjectTypeDefinition type) {
        Map<String, InputValueDefinition> fields = byName(type.getInputValueDefinitions());
        registry.inputObjectTypeExtensions().getOrDefault(type.getName(), List.of())
                .forEach(e -> e.getInputValueDefinitions().forEach(f -> fields.putIfAbsent(f.getName(), f)));
        return fields;
    }

    private static Map<String, Node<?>> enumValues(TypeDefinitionRegistry registry, EnumTypeDefinition type) {
        Map<String, Node<?>> values = new LinkedHashMap<>();
        type.getEnumValueDefinitions().forEach(v -> values.put(v.getName(), v));
        registry.enumTypeExtensions().getOrDefault(type.getName(), List.of()).forEach(e -> e.getEnumValueDefinitions()
                .forEach((EnumValueDefinition v) -> values.putIfAbsent(v.getName(), v)));
        return values;
    }

    private static Map<String, Node<?>> unionMembers(TypeDefinitionRegistry registry, UnionTypeDefinition type) {
        Map<String, Node<?>> members = new LinkedHashMap<>();
        List<UnionTypeDefinition> parts = new ArrayList<>(List.of(type));
        parts.addAll(registry.unionTypeExtensions().getOrDefault(type.getName(), List.of()));
        parts.forEach(p -> p.getMemberTypes().forEach(t -> members.putIfAbsent(((TypeName) t).getName(), t)));
        return members;
    }

    private static <T extends NamedNode<T>> Map<String, T> byName(List<T> nodes) {
        Map<String, T> map = new LinkedHashMap<>();
        nodes.forEach(n -> map.put(n.getName(), n));
        return map;
    }
}
