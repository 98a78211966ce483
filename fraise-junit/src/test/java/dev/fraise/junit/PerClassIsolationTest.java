package dev.fraise.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.database.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

@FraiseDatabase(projectDir = "src/test/resources/projects/shop", seeds = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassIsolationTest {

    @FraiseInject
    static Database classDatabase;

    @FraiseInject
    Connection connection;

    @BeforeAll
    static void addItem(Database database) {
        assertEquals(classDatabase.name(), database.name());
        database.execute("INSERT INTO tb_item (identifier, name) VALUES ('plum', 'Plum')");
    }

    @Test
    @Order(1)
    void seedsAndBeforeAllRowsAreVisible(Database database) throws Exception {
        JSONAssert.assertEquals("[\"apple\", \"pear\", \"plum\"]",
                database.queryJson("SELECT data->>'identifier' FROM v_item ORDER BY 1"), JSONCompareMode.STRICT);
    }

    @Test
    @Order(2)
    void writesLastForTheWholeClass(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tb_item (identifier, name) VALUES ('fig', 'Fig')");
        }
    }

    @Test
    @Order(3)
    void sameDatabaseInEveryTest(Database database) throws Exception {
        assertEquals(classDatabase.name(), database.name());
        assertFalse(connection.isClosed());
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), current_database() FROM tb_item")) {
            rs.next();
            assertEquals(4, rs.getInt(1));
            assertEquals(database.name(), rs.getString(2));
        }
        assertTrue(database.name().startsWith("fraise_"));
        assertTrue(database.jdbcUrl().endsWith("/" + database.name()));
    }
}
