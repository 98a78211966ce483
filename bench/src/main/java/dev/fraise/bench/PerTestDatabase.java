package dev.fraise.bench;

import java.sql.Connection;
import java.sql.SQLException;

/** A way to give every test a fresh database of one schema, as the side-by-side benchmark compares them. */
interface PerTestDatabase extends AutoCloseable {

    /** A fresh database for one test; closing it releases the database (in the background where it can). */
    interface Lease extends AutoCloseable {
        Connection connect() throws SQLException;

        @Override
        void close();
    }

    /** The column title in the report. */
    String name();

    /** Whether databases are made ahead of the tests that take them. */
    boolean prefetches();

    Lease obtain();

    @Override
    void close();
}
