package dev.fraise.report;

import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.contract.Severity;
import dev.fraise.contract.TypeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One GraphQL type of a report with the findings whose path starts with it ({@code Post.author.bio} belongs to
 * {@code Post}), or, without a type, the findings of the schema as a whole ({@code SDL_PARSE_ERROR}).
 */
record TypeGroup(Optional<TypeResult> type, List<Finding> findings) {

    /** The name of the group of findings that belong to no type. */
    static final String SCHEMA = "schema";

    /** The groups of a report: the schema's first when it has findings, then every type in report order. */
    static List<TypeGroup> of(ContractReport report) {
        Map<String, List<Finding>> byType = new LinkedHashMap<>();
        report.types().forEach(t -> byType.put(t.type(), new ArrayList<>()));
        List<Finding> schema = new ArrayList<>();
        for (Finding finding : report.findings()) {
            byType.getOrDefault(rootType(finding.path()), schema).add(finding);
        }
        List<TypeGroup> groups = new ArrayList<>();
        if (!schema.isEmpty()) {
            groups.add(new TypeGroup(Optional.empty(), schema));
        }
        report.types().forEach(t -> groups.add(new TypeGroup(Optional.of(t), byType.get(t.type()))));
        return groups;
    }

    private static String rootType(String path) {
        int end = 0;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
        }
        return path.substring(0, end);
    }

    String name() {
        return type.map(TypeResult::type).orElse(SCHEMA);
    }

    /** Whether the checker looked at this type (or the group is the schema's). */
    boolean checked() {
        return type.map(t -> t.status() != TypeResult.Status.NOT_CHECKED).orElse(true);
    }

    List<Finding> errors() {
        return findings.stream().filter(f -> f.active() && f.severity() == Severity.ERROR).toList();
    }

    List<Finding> warnings() {
        return findings.stream().filter(f -> f.active() && f.severity() == Severity.WARNING).toList();
    }

    List<Finding> suppressed() {
        return findings.stream().filter(f -> !f.active()).toList();
    }
}
