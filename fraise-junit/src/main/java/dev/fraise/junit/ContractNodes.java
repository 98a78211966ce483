package dev.fraise.junit;

import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.contract.ProjectionResult;
import dev.fraise.contract.QueryField;
import dev.fraise.contract.Severity;
import dev.fraise.contract.TypeResult;
import dev.fraise.error.SourceLocation;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The dynamic tests of a {@link ContractRun}: containers of types, Query fields, Mutation fields, {@code tv_}
 * projections and relations with naming-lint findings.
 */
final class ContractNodes {

    private ContractNodes() {
    }

    static Stream<DynamicNode> of(ContractRun run, Path projectDir) {
        return Stream.of(
                DynamicContainer.dynamicContainer("types", lazily(() -> run.get().report().types().stream()
                        .map(type -> typeTest(run.get(), type, projectDir)))),
                DynamicContainer.dynamicContainer("queries", lazily(() -> run.get().queries().stream()
                        .map(field -> queryTest(run.get(), field, projectDir)))),
                DynamicContainer.dynamicContainer("mutations", lazily(() -> run.get().mutations().stream()
                        .map(field -> mutationTest(run.get(), field, projectDir)))),
                DynamicContainer.dynamicContainer("projections", lazily(() -> run.get().report().projections()
                        .stream().map(projection -> projectionTest(run.get(), projection)))),
                DynamicContainer.dynamicContainer("lint", lazily(() -> lintFindings(run.get().report()).entrySet()
                        .stream().map(relation -> lintTest(relation.getKey(), relation.getValue())))));
    }

    /** The active naming-lint findings by relation, in report order. */
    private static Map<String, List<Finding>> lintFindings(ContractReport report) {
        Map<String, List<Finding>> byRelation = new LinkedHashMap<>();
        report.findings().stream().filter(f -> f.active() && f.code().name().startsWith("LINT_"))
                .forEach(f -> byRelation.computeIfAbsent(f.view(), r -> new ArrayList<>()).add(f));
        return byRelation;
    }

    /** A relation with naming-lint findings: fails with them when they are errors ({@code withLintSeverity}). */
    private static DynamicTest lintTest(String relation, List<Finding> findings) {
        return DynamicTest.dynamicTest(relation, () -> failOn(relation,
                findings.stream().filter(ContractNodes::isError).toList()));
    }

    /** A stream whose elements are computed only when JUnit runs the container. */
    private static <T> Stream<T> lazily(Supplier<Stream<T>> stream) {
        return Stream.of(stream).flatMap(Supplier::get);
    }

    private static DynamicTest typeTest(ContractRun.Result result, TypeResult type, Path projectDir) {
        String name = switch (type.status()) {
            case CHECKED -> type.type() + " (" + (type.views().isEmpty() ? type.view().orElse("?")
                    : String.join(", ", type.views())) + ")";
            case CHECKED_THROUGH_PARENT -> type.type() + " (" + type.reason() + ")";
            case NOT_CHECKED -> type.type();
        };
        return DynamicTest.dynamicTest(name, sourceUri(type.sdlLocation(), projectDir), () -> {
            if (type.status() == TypeResult.Status.NOT_CHECKED) {
                failOn(name, result.report().gaps().stream().filter(g -> g.path().equals(type.type()) && isError(g))
                        .toList());
                throw new TestAbortedException(type.type() + " is not checked: " + type.reason());
            }
            failOn(name, errorsOf(result.report(), type));
        });
    }

    private static DynamicTest queryTest(ContractRun.Result result, QueryField field, Path projectDir) {
        String name = field.name() + ": " + field.type() + field.sqlSource().map(v -> " (" + v + ")").orElse("");
        Optional<TypeResult> returned = Optional.ofNullable(result.types().get(field.returnType()));
        return DynamicTest.dynamicTest(name, sourceUri(field.sdlLocation(), projectDir), () -> {
            List<Finding> errors = new ArrayList<>(result.report().findings().stream()
                    .filter(f -> (f.path().equals(field.path()) || f.path().startsWith(field.path() + "."))
                            && isError(f)).toList());
            returned.filter(t -> t.status() != TypeResult.Status.NOT_CHECKED)
                    .ifPresent(t -> errors.addAll(errorsOf(result.report(), t).stream()
                            .filter(f -> field.sqlSource().filter(t.views()::contains).map(f.view()::equals)
                                    .orElse(true)).toList()));
            failOn(field.path() + field.sqlSource().map(v -> " (" + v + ")").orElse(""), errors);
            Optional<TypeResult> checked = returned.filter(t -> t.status() == TypeResult.Status.CHECKED);
            if (field.sqlSource().isEmpty() && checked.isEmpty()) {
                throw new TestAbortedException(field.path() + " is not checked: it has no @sqlSource and "
                        + returned.map(t -> t.type() + " has no view of its own (" + t.reason() + ")")
                                .orElse(field.returnType() + " is a scalar"));
            }
            if (field.sqlSource().isPresent() && checked.isPresent()
                    && !checked.get().views().contains(field.sqlSource().get())) {
                throw new TestAbortedException(field.path() + " reads " + field.sqlSource().get()
                        + ", which is not checked: " + field.returnType() + " is checked against "
                        + checked.get().view().orElse("?") + " (" + checked.get().reason() + ")");
            }
        });
    }

    /** A Mutation field: fails with the findings on its function (existence, parameters, result). */
    private static DynamicTest mutationTest(ContractRun.Result result, QueryField field, Path projectDir) {
        String name = field.name() + ": " + field.type() + field.sqlSource().map(f -> " (" + f + ")").orElse("");
        return DynamicTest.dynamicTest(name, sourceUri(field.sdlLocation(), projectDir), () -> failOn(field.path(),
                result.report().findings().stream().filter(f -> f.path().equals(field.path()) && isError(f))
                        .toList()));
    }

    /** A {@code tv_} table: fails with its findings; aborted when its rows were not compared with its source. */
    private static DynamicTest projectionTest(ContractRun.Result result, ProjectionResult projection) {
        String name = projection.table() + projection.source().map(s -> " (" + s + ")").orElse("");
        return DynamicTest.dynamicTest(name, () -> {
            failOn(projection.table(), result.report().findings().stream()
                    .filter(f -> f.path().equals(projection.table()) && isError(f)).toList());
            if (!projection.compared()) {
                throw new TestAbortedException(projection.source().map(s -> projection.table()
                        + " was not compared with " + s + ": use sample mode or withProjectionSync()")
                        .orElse(projection.table() + " has no source view to compare with; the types bound to it are"
                                + " checked against the static shape its writer functions give it, if any"));
            }
        });
    }

    /**
     * A checked type's active errors: those under its path; for a type checked through its parents, those on its
     * own fields wherever it is embedded.
     */
    private static List<Finding> errorsOf(ContractReport report, TypeResult type) {
        Stream<Finding> findings = type.status() == TypeResult.Status.CHECKED
                ? report.findingsOf(type.type()).stream()
                : report.findings().stream().filter(f -> f.graphqlType().equals(type.type()));
        return findings.filter(ContractNodes::isError).toList();
    }

    private static boolean isError(Finding finding) {
        return finding.active() && finding.severity() == Severity.ERROR;
    }

    private static void failOn(String subject, List<Finding> errors) {
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(subject).append(": ").append(errors.size())
                .append(errors.size() == 1 ? " contract error" : " contract errors");
        errors.forEach(f -> message.append('\n').append(f));
        throw new AssertionFailedError(message.toString());
    }

    /** {@code file:///…/schema.graphql?line=12&column=3}, which IDEs open at the definition. */
    private static URI sourceUri(Optional<SourceLocation> location, Path projectDir) {
        return location.filter(l -> l.line() > 0).map(l -> URI.create(projectDir.resolve(l.file()).toUri()
                + "?line=" + l.line() + (l.column() > 0 ? "&column=" + l.column() : ""))).orElse(null);
    }
}
