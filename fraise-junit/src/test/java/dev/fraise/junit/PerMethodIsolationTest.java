package dev.fraise.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.database.Database;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;

@FraiseDatabase(projectDir = "src/test/resources/projects/shop", isolation = Isolation.PER_METHOD)
class PerMethodIsolationTest {

    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    @FraiseInject
    Database field;

    @RepeatedTest(3)
    void everyTestStartsFromTheTemplate(Database database) {
        assertEquals(field.name(), database.name(), "field and parameter share the method's database");
        assertTrue(NAMES.add(database.name()), "each test gets a new database");
        assertEquals("[]", database.queryJson("SELECT data FROM v_item"));
        database.execute("INSERT INTO tb_item (identifier, name) VALUES ('kiwi', 'Kiwi')");
        assertEquals("[1]", database.queryJson("SELECT count(*) FROM tb_item"));
    }

    @AfterAll
    static void threeDatabases() {
        assertEquals(3, NAMES.size());
    }
}
