package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.TemplateRecipe;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's server stops when it is closed, whether the goal stopped it in the background first or not. */
class ServerStartTest {

    private static final ServerSettings EMBEDDED =
            new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty());

    @TempDir
    static Path project;

    static TemplateRecipe recipe;

    @BeforeAll
    static void schema() throws Exception {
        Path tables = Files.createDirectories(project.resolve("db/schema/10_tables"));
        Files.writeString(tables.resolve("10_tb_item.sql"), "CREATE TABLE tb_item (pk_item INTEGER PRIMARY KEY);\n");
        recipe = TemplateRecipe.of(SchemaPlanner.plan(ProjectConfig.defaults(project, "local"), false));
    }

    @Test
    void aStopInTheBackgroundHasEndedWhenCloseReturns() {
        Path dataDirectory;
        try (ServerStart starting = ServerStart.begin(EMBEDDED, recipe)) {
            dataDirectory = starting.server().localDataDirectory().orElseThrow();
            assertTrue(Files.isDirectory(dataDirectory));
            starting.stopInBackground();
            starting.stopInBackground();
        }
        assertFalse(Files.exists(dataDirectory), "server stopped and its data directory deleted");
    }

    @Test
    void aGoalThatFailsAfterStartingTheStopStillWaitsForIt() {
        AtomicReference<Path> dataDirectory = new AtomicReference<>();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
            try (ServerStart starting = ServerStart.begin(EMBEDDED, recipe)) {
                dataDirectory.set(starting.server().localDataDirectory().orElseThrow());
                starting.stopInBackground();
                throw new IllegalStateException("the reports failed");
            }
        });
        assertEquals("the reports failed", failure.getMessage());
        assertFalse(Files.exists(dataDirectory.get()));
    }

    @Test
    void withoutABackgroundStopCloseStopsTheServer() {
        Path dataDirectory;
        try (ServerStart starting = ServerStart.begin(EMBEDDED, recipe)) {
            dataDirectory = starting.server().localDataDirectory().orElseThrow();
        }
        assertFalse(Files.exists(dataDirectory));
    }
}
