package dev.fraise.migrate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Test helper run in a separate JVM: connects to {@code args[0]} as {@code args[1]}/{@code args[2]}, scans the
 * migrations directory {@code args[3]}, prints {@code READY}, waits for a line on stdin, runs {@code up} and
 * prints {@code APPLIED v1,v2,...}.
 */
public final class MigrateChild {

    private MigrateChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            Migrator migrator = Migrator.of(MigrationScanner.scan(Path.of(args[3])), "tb_confiture");
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            MigrationRun run = migrator.up(c);
            System.out.println("APPLIED " + String.join(",", run.versions()));
            System.out.flush();
        }
    }
}
