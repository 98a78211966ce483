package dev.fraise.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pool's ready stock grows by one per acquire that found none ready, within its limit. */
class ReadyStockTest {

    private static final long MB = 1024 * 1024;

    @ParameterizedTest(name = "prefetch {0}, template {1} MB: at most {2} ready")
    @CsvSource({
        "2, 8, 8",      // four times the prefetch
        "2, 60, 4",     // what fits in 256 MB
        "2, 100, 2",    // never below the prefetch
        "2, 300, 2",
        "1, 1, 4",
        "6, 1, 16",     // MAX_PREFETCH at most
        "16, 1, 16",
        "0, 8, 0",      // no prefetch, no growth
        "2, 0, 2",      // size unknown: no growth
    })
    void theLimitIsFourTimesThePrefetchWithinTheBudget(int prefetch, long templateMb, int limit) {
        ReadyStock stock = ReadyStock.of(prefetch, templateMb * MB);
        assertEquals(limit, stock.limit());
        assertEquals(prefetch, stock.target());
    }

    @Test
    void itGrowsOnlyOnceTheFirstStockIsMadeAndNeverBeyondItsLimit() {
        ReadyStock stock = ReadyStock.of(2, 8 * MB);
        assertFalse(stock.grow(), "an acquire while the pool is starting is no reason to grow");
        stock.made();
        assertFalse(stock.grow(), "one of two clones made: still starting");
        stock.made();
        for (int expected = 3; expected <= 8; expected++) {
            assertTrue(stock.grow());
            assertEquals(expected, stock.target());
        }
        assertFalse(stock.grow());
        assertEquals(8, stock.target());
    }
}
