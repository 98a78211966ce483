package dev.fraise.contract;

import dev.fraise.error.SourceLocation;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.sample.SampleReport;
import dev.fraise.sample.SampleValidator;
import dev.fraise.sample.Violation;
import dev.fraise.sample.ViolationKind;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.ViewShape;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sample mode for one bound type: checks real rows against the type and reports defects, not rows. A violation at
 * a JSON path that already has an active static error of the type is evidence for that finding: its provenance
 * gains {@code seen in 2 of 10 sampled rows: ids …}. Any other violation is one {@code SAMPLE_VIOLATION} per GraphQL
 * path and kind, with the number of rows and the first ids, named in GraphQL terms ({@code Comment.isEdited}) and
 * located at the field; its message says when the value's shape is unknown statically.
 */
final class SampleFindings {

    /** Violations kept per type: enough to count the rows of every defect of a sample. */
    private static final int MAX_VIOLATIONS = 10_000;
    private static final int SHOWN_IDS = 3;
    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\"((?:[^\"\\\\]|\\\\.)*)\"]"
            + "|\\[(\\d+)]");

    /** The rows of one defect: where it is in GraphQL terms, and which rows show it. */
    record Defect(String path, ViolationKind kind, String owner, Optional<String> field,
            Optional<SourceLocation> location, String jsonPath, String declared, Violation first, Set<String> ids) {
    }

    private SampleFindings() {
    }

    /**
     * Samples the rows of {@code inferred.relation()} for {@code type}; {@code staticFrom} is the index in
     * {@code checker.findings()} of the type's first static finding.
     */
    static void check(ObjectTypeDefinition type, ViewShape inferred, String column, TypeChecker checker,
            int staticFrom, Suppressions suppressions, Connection connection, ContractOptions options,
            GraphqlSchema schema) {
        ExpectedShapes shapes = new ExpectedShapes(schema.registry(), options.naming());
        ViewShape expected = new ViewShape(inferred.relation(), shapes.of(type, inferred.data(), 0),
                Nullability.nonNull("a row of " + type.getName()), "GraphQL");
        SampleReport report = new SampleValidator(options.sampleRows(), MAX_VIOLATIONS).validate(connection, expected,
                column, value -> shapes.align(value, expected.data()));
        Map<String, Defect> defects = new LinkedHashMap<>();
        for (Violation violation : report.violations()) {
            if (violation.kind() != ViolationKind.UNEXPECTED_KEY) {
                Defect defect = locate(type, violation, expected.data(), shapes, schema);
                defects.computeIfAbsent(defect.path() + " " + defect.kind(), k -> defect).ids().add(violation.rowId());
            }
        }
        List<Finding> findings = checker.findings();
        int staticTo = findings.size();
        Map<Integer, Set<String>> evidence = new LinkedHashMap<>();
        for (Defect defect : defects.values()) {
            Optional<Integer> known = staticError(findings, staticFrom, staticTo, defect.jsonPath(), suppressions);
            if (known.isPresent()) {
                evidence.computeIfAbsent(known.get(), i -> new LinkedHashSet<>()).addAll(defect.ids());
            } else {
                checker.add(FindingCode.SAMPLE_VIOLATION, defect.path(), defect.owner(), defect.field(),
                        defect.location(), inferred.relation(), defect.jsonPath(), message(defect, report)
                                + unknownStatically(findings, staticFrom, staticTo, defect.jsonPath()),
                        defect.kind().name());
            }
        }
        evidence.forEach((index, ids) -> {
            Finding finding = findings.get(index);
            findings.set(index, new Finding(finding.code(), finding.path(), finding.graphqlType(), finding.field(),
                    finding.sdlLocation(), finding.view(), finding.jsonPath(), finding.message(),
                    (finding.provenance().isEmpty() ? "" : finding.provenance() + "; ") + "seen in " + rows(ids, report),
                    finding.suppressed(), finding.severity()));
        });
    }

    /** The GraphQL path, owning type, field and location of a violation's JSON path, walking the expected shape. */
    static Defect locate(ObjectTypeDefinition type, Violation violation, Shape root, ExpectedShapes shapes,
            GraphqlSchema schema) {
        StringBuilder path = new StringBuilder(type.getName());
        String owner = type.getName();
        Optional<String> field = Optional.empty();
        Optional<SourceLocation> location = schema.locate(type);
        String declared = type.getName();
        Shape current = root;
        Matcher segment = SEGMENT.matcher(violation.jsonPath());
        int at = 1;
        while (at < violation.jsonPath().length() && segment.find(at) && segment.start() == at) {
            at = segment.end();
            String key = segment.group(1) != null ? segment.group(1) : segment.group(2);
            if (key != null) {
                Optional<ExpectedShapes.ExpectedObject> object = shapes.objectOf(current);
                FieldDefinition definition = object.map(o -> o.fields().get(key)).orElse(null);
                if (definition == null) {
                    break;
                }
                path.append('.').append(definition.getName());
                owner = object.get().type().getName();
                field = Optional.of(definition.getName());
                location = schema.locate(definition).or(() -> schema.locate(type));
                declared = Sdl.render(definition.getType());
                current = ((ObjectShape) current).fields().get(key).shape();
            } else if (current instanceof ArrayShape array) {
                path.append("[]");
                declared = array.items().provenance().sqlType();
                current = array.items();
            }
        }
        String jsonPath = violation.jsonPath().replaceAll("\\[\\d+]", "[]");
        return new Defect(path.toString(), violation.kind(), owner, field, location, jsonPath, declared, violation,
                new LinkedHashSet<>());
    }

    /** The type's active static error at {@code jsonPath}, if any: sampled rows are evidence for it. */
    private static Optional<Integer> staticError(List<Finding> findings, int from, int to, String jsonPath,
            Suppressions suppressions) {
        for (int i = from; i < to; i++) {
            Finding finding = findings.get(i);
            if (finding.severity() == Severity.ERROR && finding.jsonPath().equals(jsonPath)
                    && suppressions.apply(finding).active()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** {@code ; its shape is unknown statically (SHAPE_UNKNOWN at User.preferences)}, when it is. */
    private static String unknownStatically(List<Finding> findings, int from, int to, String jsonPath) {
        for (int i = from; i < to; i++) {
            Finding finding = findings.get(i);
            if (finding.code() == FindingCode.SHAPE_UNKNOWN && (jsonPath.equals(finding.jsonPath())
                    || jsonPath.startsWith(finding.jsonPath().equals("$") ? "$" : finding.jsonPath() + ".")
                    || jsonPath.startsWith(finding.jsonPath() + "["))) {
                return "; its shape is unknown statically (SHAPE_UNKNOWN at " + finding.path() + ")";
            }
        }
        return "";
    }

    private static String message(Defect defect, SampleReport report) {
        if (defect.field().isEmpty() && defect.kind() == ViolationKind.UNEXPECTED_NULL) {
            return "the data of a " + defect.path() + " row is null in " + rows(defect.ids(), report);
        }
        return describe(defect) + " in " + rows(defect.ids(), report);
    }

    /** {@code Comment.isEdited is Boolean! but it is null}: what the defect's first value does that its type forbids. */
    static String describe(Defect defect) {
        String found = defect.first().message();
        String what = switch (defect.kind()) {
            case MISSING_KEY -> "its key '" + lastKey(defect.jsonPath()) + "' is missing";
            case UNEXPECTED_NULL -> "it is null";
            case WRONG_TYPE -> found.contains(" but found ") ? "it is " + article(found.substring(found.indexOf(
                    " but found ") + 11)) : found;
            case NOT_AN_INTEGER -> "it is " + found.replace(" is not an integer", ", not an integer");
            default -> found;
        };
        return defect.path() + " is " + defect.declared() + " but " + what;
    }

    /** {@code 2 of 10 sampled rows of v_user (ids a, b)}, the first ids only. */
    private static String rows(Set<String> ids, SampleReport report) {
        List<String> shown = new ArrayList<>(ids).subList(0, Math.min(SHOWN_IDS, ids.size()));
        String count = (report.truncated() ? "at least " : "") + ids.size();
        return count + " of " + report.rowsChecked() + " sampled " + (report.rowsChecked() == 1 ? "row" : "rows")
                + " of " + report.relation() + " (" + (ids.size() == 1 ? "id " : "ids ") + String.join(", ", shown)
                + (ids.size() > shown.size() ? ", …" : "") + ")";
    }

    private static String article(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    private static String lastKey(String jsonPath) {
        int dot = jsonPath.lastIndexOf('.');
        int bracket = jsonPath.lastIndexOf("[\"");
        return bracket > dot ? jsonPath.substring(bracket + 2, jsonPath.length() - 2) : jsonPath.substring(dot + 1);
    }
}
