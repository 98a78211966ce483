package dev.fraise.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops what pools of dead JVMs left on a server: every database Fraise named ({@link DatabaseNames}) whose
 * {@link Lease} nobody holds. A pool runs it when it starts, on its own administrative session, which holds no
 * lease: a lock this session gets is free, whoever else holds it (the pools of this JVM included) keeps it.
 */
final class OrphanReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);

    private OrphanReaper() {
    }

    /**
     * Reaps the orphans on {@code admin}'s server; failures are logged, never thrown.
     *
     * @return the databases dropped
     */
    static List<String> reap(Connection admin) {
        List<String> reaped = new ArrayList<>();
        try {
            for (Map.Entry<Lease.Id, List<String>> lease : byLease(admin).entrySet()) {
                if (Lease.tryLock(admin, lease.getKey())) {
                    try {
                        lease.getValue().stream().filter(name -> DatabaseAdmin.drop(admin, name)).forEach(reaped::add);
                    } finally {
                        Lease.unlock(admin, lease.getKey());
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warn("cannot look for databases left by ended JVMs: {}", e.getMessage());
        }
        if (!reaped.isEmpty()) {
            LOG.info("dropped {} database(s) that pools of ended JVMs left: {}", reaped.size(), reaped);
        }
        return reaped;
    }

    private static Map<Lease.Id, List<String>> byLease(Connection admin) throws SQLException {
        Map<Lease.Id, List<String>> result = new LinkedHashMap<>();
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'fraise\\_%'"
                     + " ORDER BY datistemplate, datname")) {
            while (rs.next()) {
                String name = rs.getString(1);
                DatabaseNames.leaseOf(name)
                        .ifPresent(id -> result.computeIfAbsent(id, k -> new ArrayList<>()).add(name));
            }
        }
        return result;
    }
}
