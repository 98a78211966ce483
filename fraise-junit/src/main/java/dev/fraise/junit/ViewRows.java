package dev.fraise.junit;

import dev.fraise.database.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/** Reads the {@code data} of view rows as JSON text. */
final class ViewRows {

    private ViewRows() {
    }

    /** The rows whose {@code id} is {@code id} as text; at most two, enough to tell one from several. */
    static List<String> withId(Database database, String view, String id) {
        return read(database, view, "SELECT data::text FROM " + quote(view) + " WHERE id::text = ? LIMIT 2", id);
    }

    /** Every row, ordered by {@code id}. */
    static List<String> all(Database database, String view) {
        return read(database, view, "SELECT data::text FROM " + quote(view) + " ORDER BY id", null);
    }

    private static List<String> read(Database database, String view, String sql, String parameter) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionFailedError("cannot read " + view + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + " (SQLSTATE " + e.getSQLState()
                    + ")", e);
        }
    }

    /** {@code blog.v_post} → {@code "blog"."v_post"}. */
    private static String quote(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.", -1)) {
            parts.add('"' + part.replace("\"", "\"\"") + '"');
        }
        return String.join(".", parts);
    }
}
