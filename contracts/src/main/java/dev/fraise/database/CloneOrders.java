package dev.fraise.database;

/**
 * The ledger between the clones a pool is ordered to make (one per acquire, plus its prefetch) and the closed clones
 * it is recycling, so that a recycled clone stands in for a new one instead of adding to them: an order that arrives
 * while a recycling is under way waits for its outcome rather than copying the template, and a recycled clone no
 * order waits for stands in for the next order. While tests change their clones, recycling costs more than it
 * gives: after a recycling that did not queue its clone, orders make new clones at once instead of waiting, and only
 * one new clone in {@value #PROBE_EVERY} is prepared for recycling (its files described), until one is recycled
 * again. Thread-safe.
 */
final class CloneOrders {

    /** While recycling fails, one new clone in this many is prepared for recycling, to notice when it works again. */
    static final int PROBE_EVERY = 4;

    /** Recyclings started and not yet ended. */
    private int recycling;
    /** Orders waiting for a recycling under way; never more than {@link #recycling}. */
    private int deferred;
    /** Recycled clones queued that no order asked for: each stands in for the next order. */
    private int ahead;
    /** Whether the last recycling to end queued its clone. */
    private boolean lastQueued = true;
    /** New clones not prepared for recycling since the last one that was, while recycling fails. */
    private int unprepared;

    /**
     * Takes one order.
     *
     * @return true when the caller must make a new clone; false when a recycled clone stands in for it, queued
     *         already or once a recycling under way ends
     */
    synchronized boolean take() {
        if (ahead > 0) {
            ahead--;
            return false;
        }
        if (lastQueued && recycling > deferred) {
            deferred++;
            return false;
        }
        return true;
    }

    /** Whether a new clone should be prepared for recycling (see the class comment). */
    synchronized boolean prepareForRecycling() {
        if (lastQueued || ++unprepared >= PROBE_EVERY) {
            unprepared = 0;
            return true;
        }
        return false;
    }

    /** Notes that recycling a closed clone has started. */
    synchronized void recyclingStarted() {
        recycling++;
    }

    /**
     * Notes that a recycling has ended.
     *
     * @param queued whether it queued the clone
     * @return true when the caller must make a new clone: an order waited for this recycling, which failed
     */
    synchronized boolean recyclingEnded(boolean queued) {
        recycling--;
        lastQueued = queued;
        if (deferred > 0) {
            deferred--;
            return !queued;
        }
        if (queued) {
            ahead++;
        }
        return false;
    }
}
