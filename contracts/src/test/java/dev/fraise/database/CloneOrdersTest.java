package dev.fraise.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CloneOrdersTest {

    @Test
    void withoutRecyclingEveryOrderMakesAClone() {
        CloneOrders orders = new CloneOrders();
        assertTrue(orders.take());
        assertTrue(orders.take());
    }

    @Test
    void anOrderDuringARecyclingWaitsForItAndARecycledCloneNoOrderWaitedForStandsInForTheNext() {
        CloneOrders orders = new CloneOrders();
        orders.recyclingStarted();
        assertFalse(orders.take(), "waits for the recycling under way");
        assertTrue(orders.take(), "one recycling stands in for one order only");
        assertFalse(orders.recyclingEnded(true), "queued: the waiting order is filled");

        orders.recyclingStarted();
        assertFalse(orders.recyclingEnded(true));
        assertFalse(orders.take(), "the recycled clone queued ahead stands in");
        assertTrue(orders.take());
    }

    @Test
    void aFailedRecyclingMakesACloneForTheOrderThatWaitedAndOrdersStopWaitingUntilOneSucceeds() {
        CloneOrders orders = new CloneOrders();
        orders.recyclingStarted();
        assertFalse(orders.take());
        assertTrue(orders.recyclingEnded(false), "the caller makes the clone the order waited for");

        orders.recyclingStarted();
        assertTrue(orders.take(), "after a failure, orders do not wait for recyclings");
        assertFalse(orders.recyclingEnded(true), "no order waited: the clone is queued ahead");
        assertFalse(orders.take(), "and stands in for the next order");
        orders.recyclingStarted();
        assertFalse(orders.take(), "after a success, orders wait again");
    }

    @Test
    void whileRecyclingFailsOnlyOneNewCloneInFourIsPreparedForIt() {
        CloneOrders orders = new CloneOrders();
        assertTrue(orders.prepareForRecycling(), "recycling works until it fails");
        orders.recyclingStarted();
        orders.recyclingEnded(false);
        int prepared = 0;
        for (int i = 0; i < 4 * CloneOrders.PROBE_EVERY; i++) {
            prepared += orders.prepareForRecycling() ? 1 : 0;
        }
        assertEquals(4, prepared);
        orders.recyclingStarted();
        orders.recyclingEnded(true);
        assertTrue(orders.prepareForRecycling() && orders.prepareForRecycling(), "every one again once it works");
    }
}
