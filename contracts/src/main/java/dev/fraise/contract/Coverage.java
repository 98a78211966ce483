package dev.fraise.contract;

import dev.fraise.graphql.GraphqlSchema;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coverage pass, run on the finished report: a Mutation payload its function's return check verified is checked
 * through that field; every other object type nothing checked gets a {@code TYPE_NOT_CHECKED} finding (suppressible
 * like any finding); the fields compared against a shape are counted; and with
 * {@link ContractOptions#failOnUnchecked()} the {@code TYPE_NOT_CHECKED}, {@code SHAPE_UNKNOWN} and
 * {@code TV_SOURCE_MISSING} findings become errors. Root, input, enum, scalar, interface and union types are never
 * gaps: nothing reads them from a view.
 */
final class Coverage {

    private Coverage() {
    }

    static ContractReport complete(ContractReport report, GraphqlSchema schema, Set<String> roots,
            TypeChecker checker, MutationChecker mutations, Suppressions suppressions, ContractOptions options) {
        Map<String, String> payloads = mutations.payloads();
        List<TypeResult> types = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(report.findings());
        Map<String, String> missingFunctions = payloadsOfMissingFunctions(schema, report.findings());
        for (TypeResult type : report.types()) {
            TypeResult result = type;
            if (type.status() == TypeResult.Status.NOT_CHECKED && payloads.containsKey(type.type())) {
                result = new TypeResult(type.type(), TypeResult.Status.CHECKED_THROUGH_PARENT, Optional.empty(),
                        payloads.get(type.type()), type.sdlLocation());
            } else if (type.status() == TypeResult.Status.NOT_CHECKED && missingFunctions.containsKey(type.type())) {
                result = new TypeResult(type.type(), type.status(), Optional.empty(), missingFunctions.get(type.type()),
                        type.sdlLocation());
            } else if (gap(type, schema, roots)) {
                findings.add(suppressions.apply(new Finding(FindingCode.TYPE_NOT_CHECKED, type.type(), type.type(),
                        Optional.empty(), type.sdlLocation(), "", "", type.type() + " is not checked: "
                                + type.reason(), "", Optional.empty())));
            }
            types.add(result);
        }
        if (options.failOnUnchecked()) {
            findings.replaceAll(Coverage::escalated);
        }
        return new ContractReport(types, findings, report.projections(), fields(schema, roots, checker, mutations));
    }

    /**
     * An object type, not a root, that nothing checked: no view, no checked parent, no verified mutation return. The
     * types synthesized for relay are FraiseQL's own, not a view's, so they are no gap; a type whose view is missing
     * has its {@code VIEW_MISSING} as the one finding, and one whose view's data is of unknown shape its
     * {@code SHAPE_UNKNOWN} (which {@link ContractOptions#failOnUnchecked()} makes an error too).
     */
    private static boolean gap(TypeResult type, GraphqlSchema schema, Set<String> roots) {
        return type.status() == TypeResult.Status.NOT_CHECKED && !roots.contains(type.type())
                && !type.reason().startsWith(TypeCounts.VIEW_MISSING + ":")
                && !type.reason().startsWith(TypeCounts.SHAPE_UNKNOWN + ":")
                && schema.registry().getTypeOrNull(type.type()) instanceof ObjectTypeDefinition object
                && !synthesized(object);
    }

    private static boolean synthesized(ObjectTypeDefinition type) {
        return Sdl.stringArgument(type, Sdl.EMBEDDED, "reason").filter(GraphqlSchema.RELAY_SYNTHESIZED::equals)
                .isPresent();
    }

    /**
     * The payloads of Mutation fields whose function is missing, with why: {@code MUTATION_FUNCTION_MISSING} is the
     * one finding of that defect.
     */
    private static Map<String, String> payloadsOfMissingFunctions(GraphqlSchema schema, List<Finding> findings) {
        Map<String, String> missing = new LinkedHashMap<>();
        String root = schema.rootTypeName("mutation").orElse("");
        ObjectTypeDefinition mutation = schema.registry().getTypeOrNull(root, ObjectTypeDefinition.class);
        if (mutation == null) {
            return missing;
        }
        for (FieldDefinition field : mutation.getFieldDefinitions()) {
            String path = root + "." + field.getName();
            if (findings.stream().anyMatch(f -> f.code() == FindingCode.MUTATION_FUNCTION_MISSING
                    && f.path().equals(path))) {
                missing.putIfAbsent(Sdl.typeName(field.getType()), "function missing: returned by "
                        + path + ", whose function does not exist (MUTATION_FUNCTION_MISSING)");
            }
        }
        return missing;
    }

    private static Finding escalated(Finding finding) {
        if (finding.code() != FindingCode.TYPE_NOT_CHECKED && finding.code() != FindingCode.SHAPE_UNKNOWN
                && finding.code() != FindingCode.TV_SOURCE_MISSING) {
            return finding;
        }
        return new Finding(finding.code(), finding.path(), finding.graphqlType(), finding.field(),
                finding.sdlLocation(), finding.view(), finding.jsonPath(), finding.message(), finding.provenance(),
                finding.suppressed(), Severity.ERROR);
    }

    private static FieldCounts fields(GraphqlSchema schema, Set<String> roots, TypeChecker checker,
            MutationChecker mutations) {
        Set<String> all = new HashSet<>();
        for (ObjectTypeDefinition type : schema.registry().getTypes(ObjectTypeDefinition.class)) {
            if (!roots.contains(type.getName()) && !synthesized(type)) {
                for (FieldDefinition field : type.getFieldDefinitions()) {
                    all.add(type.getName() + "." + field.getName());
                }
            }
        }
        Set<String> checked = new HashSet<>(checker.fieldsChecked());
        checked.addAll(mutations.fieldsChecked());
        checked.retainAll(all);
        Set<String> unknown = new HashSet<>(checker.fieldsOfUnknownShape());
        unknown.addAll(mutations.fieldsOfUnknownShape());
        unknown.retainAll(all);
        unknown.removeAll(checked);
        return new FieldCounts(all.size(), checked.size(), unknown.size());
    }
}
