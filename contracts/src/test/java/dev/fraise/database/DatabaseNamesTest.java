package dev.fraise.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A pool's database names carry its lease and a check; only names Fraise gave pass. */
class DatabaseNamesTest {

    private static final String HASH = "3f2a9c1b5d6e7f808192a3b4c5d6e7f8";
    private static final Lease.Id LEASE = Lease.Id.parse("0c4e7a21");
    private static final DatabaseNames NAMES = new DatabaseNames(HASH, LEASE);

    @Test
    void templateAndClonesCarryTheLeaseAndACheck() {
        assertTrue(NAMES.template().matches("fraise_tpl_3f2a9c1b5d6e_0c4e7a21_[0-9a-f]{8}"), NAMES.template());
        assertTrue(NAMES.clone(4).matches("fraise_3f2a9c1b_0c4e7a21_000004_[0-9a-f]{8}"), NAMES.clone(4));
        assertTrue(NAMES.clone(1_234_567).matches("fraise_3f2a9c1b_0c4e7a21_1234567_[0-9a-f]{8}"));
        assertEquals(Optional.of(LEASE), DatabaseNames.leaseOf(NAMES.template()));
        assertEquals(Optional.of(LEASE), DatabaseNames.leaseOf(NAMES.clone(4)));
        assertTrue(NAMES.template().length() <= 63 && NAMES.clone(Integer.MAX_VALUE).length() <= 63,
                "PostgreSQL truncates identifiers beyond 63 bytes");
    }

    @Test
    void namesFraiseDidNotGiveCarryNoLease() {
        String clone = NAMES.clone(4);
        String check = clone.substring(clone.length() - 8);
        String otherCheck = (check.charAt(0) == '0' ? "1" : "0") + check.substring(1);
        for (String name : new String[] {
                clone.substring(0, clone.length() - 8) + otherCheck,
                clone.replace("_000004_", "_000005_"),
                clone.replace("0c4e7a21", "0c4e7a22"),
                clone.toUpperCase(),
                clone + "_copy",
                "fraise_app",
                "fraise_tpl_3f2a9c1b5d6e_0c4e7a21",
                "app_data"}) {
            assertEquals(Optional.empty(), DatabaseNames.leaseOf(name), name);
            assertTrue(!DatabaseNames.isFraises(name), name);
        }
    }

    @Test
    void leaseIdsAreEightHexDigits() {
        assertEquals("0c4e7a21", LEASE.toString());
        assertEquals(0x0c4e7a21, LEASE.value());
        assertTrue(Lease.Id.random().value() >= 0);
    }
}
