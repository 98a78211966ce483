package dev.fraise.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import graphql.language.DirectivesContainer;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Suppressions with a reason: {@code @fraiseIgnore(codes: [...], reason: "...")} on a type or field, and the
 * entries of a baseline file ({@code {"suppressions": [{"code", "path", "reason"}]}}). Suppressed findings
 * stay in the report, marked.
 */
final class Suppressions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One rule: findings of {@code code} (any when empty) at {@code path} or below it. */
    private record Rule(String code, String path, String reason) {

        boolean matches(Finding finding) {
            return (code.isEmpty() || code.equals(finding.code().name()))
                    && (finding.path().equals(path) || finding.path().startsWith(path + ".")
                    || finding.path().startsWith(path + "["));
        }
    }

    private final List<Rule> rules;

    private Suppressions(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static Suppressions load(TypeDefinitionRegistry registry, Optional<Path> baseline) {
        List<Rule> rules = new ArrayList<>();
        for (ImplementingTypeDefinition<?> type : registry.getTypes(ImplementingTypeDefinition.class)) {
            directive(type, type.getName(), rules);
            for (FieldDefinition field : type.getFieldDefinitions()) {
                directive(field, type.getName() + "." + field.getName(), rules);
            }
        }
        baseline.ifPresent(file -> readBaseline(file, rules));
        return new Suppressions(rules);
    }

    private static void directive(DirectivesContainer<?> node, String path, List<Rule> rules) {
        if (node.getDirectives(Sdl.IGNORE).isEmpty()) {
            return;
        }
        String reason = Sdl.stringArgument(node, Sdl.IGNORE, "reason").orElse("@fraiseIgnore without a reason");
        List<String> codes = Sdl.argument(node, Sdl.IGNORE, "codes").map(Sdl::names).orElse(List.of());
        if (codes.isEmpty()) {
            rules.add(new Rule("", path, reason));
        } else {
            codes.forEach(code -> rules.add(new Rule(code, path, reason)));
        }
    }

    private static void readBaseline(Path file, List<Rule> rules) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode entries = root == null ? null : root.get("suppressions");
            if (entries == null || !entries.isArray()) {
                throw invalid(file, "expected {\"suppressions\": [{\"code\", \"path\", \"reason\"}]}", null);
            }
            for (JsonNode entry : entries) {
                if (!entry.hasNonNull("path") || !entry.hasNonNull("reason")) {
                    throw invalid(file, "every suppression needs a path and a reason", null);
                }
                rules.add(new Rule(entry.path("code").asText(""), entry.get("path").asText(),
                        "baseline: " + entry.get("reason").asText()));
            }
        } catch (IOException e) {
            throw invalid(file, e.getMessage().lines().findFirst().orElse("unreadable"), e);
        }
    }

    private static FraiseException invalid(Path file, String message, Exception cause) {
        return new FraiseException(ErrorCode.CONTRACT_BASELINE_INVALID, message, SourceLocation.of(file), cause);
    }

    Finding apply(Finding finding) {
        return rules.stream().filter(rule -> rule.matches(finding)).findFirst()
                .map(rule -> finding.suppress(rule.reason())).orElse(finding);
    }
}
