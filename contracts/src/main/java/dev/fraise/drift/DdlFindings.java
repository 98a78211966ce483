package dev.fraise.drift;

import dev.fraise.build.SchemaPlan;
import dev.fraise.catalog.CatalogDifference;
import dev.fraise.catalog.CatalogObject;
import dev.fraise.catalog.CatalogSnapshot;
import dev.fraise.catalog.ObjectId;
import dev.fraise.catalog.ObjectKind;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.SourceLocation;
import dev.fraise.migrate.Migration;
import dev.fraise.migrate.MigrationSet;
import dev.fraise.source.SourceFinder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns the differences between the schema files' and the migrated catalog into located findings. */
final class DdlFindings {

    private static final Set<ObjectKind> OWNED = EnumSet.of(ObjectKind.COLUMN, ObjectKind.CONSTRAINT,
            ObjectKind.INDEX, ObjectKind.TRIGGER);

    private DdlFindings() {
    }

    /**
     * One finding per difference, located where the object is defined: a missing or differing object in the
     * schema files ({@code headPlan}), a differing one that they do not define and an extra one in the pending
     * migrations; an object defined nowhere (by dynamic SQL, say) at its table's definition, else nowhere.
     *
     * @param fromDdl  the catalog the schema files build (expected)
     * @param migrated the catalog the base and the migrations build (actual)
     */
    static List<DriftFinding> of(List<CatalogDifference> differences, CatalogSnapshot fromDdl,
                                 CatalogSnapshot migrated, SchemaPlan headPlan, MigrationSet head,
                                 List<Migration> pending) {
        DefinitionSites ddl = new DefinitionSites(headPlan.files().stream().filter(f -> !f.seed())
                .map(f -> new SourceFinder.Source(f.path(), f.displayPath())).toList());
        DefinitionSites migrations = new DefinitionSites(pending.stream()
                .map(m -> new SourceFinder.Source(m.upFile(), head.display(m.upFile()))).toList());
        List<DriftFinding> findings = new ArrayList<>();
        for (CatalogDifference d : differences) {
            String owner = owner(d, fromDdl).or(() -> owner(d, migrated)).orElse(null);
            Optional<SourceLocation> inDdl = ddl.definition(d.kind(), d.name(), owner);
            Optional<SourceLocation> inMigrations = migrations.definition(d.kind(), d.name(), owner);
            DriftFinding finding = switch (d.type()) {
                case MISSING_IN_ACTUAL -> new DriftFinding(ErrorCode.DRIFT_MISSING_IN_MIGRATED, d.kind().label(),
                        d.name(), d.object() + " is in the schema files but no migration creates it",
                        d.expected(), d.actual(), inDdl.or(() -> ddl.relation(owner)));
                case EXTRA_IN_ACTUAL -> new DriftFinding(ErrorCode.DRIFT_EXTRA_IN_MIGRATED, d.kind().label(),
                        d.name(), d.object() + " is created by the migrations but not by the schema files",
                        d.expected(), d.actual(), inMigrations.or(() -> migrations.relation(owner))
                                .or(() -> ddl.relation(owner)));
                case DEFINITION_DIFFERS -> new DriftFinding(ErrorCode.DRIFT_DEFINITION_DIFFERS, d.kind().label(),
                        d.name(), d.object() + " is defined differently by the schema files (expected) and the"
                                + " migrations (actual)", d.expected(), d.actual(), inDdl.or(() -> inMigrations)
                                .or(() -> ddl.relation(owner)).or(() -> migrations.relation(owner)));
            };
            findings.add(finding);
        }
        return findings;
    }

    /** The table a column, constraint, index or trigger belongs to. */
    private static Optional<String> owner(CatalogDifference d, CatalogSnapshot snapshot) {
        if (!OWNED.contains(d.kind())) {
            return Optional.empty();
        }
        return snapshot.find(d.kind(), d.name()).flatMap(CatalogObject::parent).map(ObjectId::qualifiedName);
    }
}
