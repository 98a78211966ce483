package dev.fraise.database;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-off between the threads that make clones and the callers of {@link TemplatePool#acquire()}: a FIFO
 * queue of outcomes (a clone, or why making one failed) and the pool's open/closing/closed state, under one lock,
 * so that an acquire either takes an outcome while the pool is open or fails with {@code POOL_CLOSED}, never both
 * and never in between. Callers wait on a condition, not by polling; any number of threads may make clones.
 */
final class CloneQueue {

    /** What making one clone came to. */
    sealed interface Outcome {
    }

    /** A clone ready to hand out. */
    record Made(Database database) implements Outcome {
    }

    /** Making a clone failed; {@code failure} is what the acquire that takes this outcome throws. */
    record Failed(FraiseException failure) implements Outcome {
    }

    private enum State { OPEN, CLOSING, CLOSED }

    private final String poolName;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when an outcome arrives or the pool starts closing. */
    private final Condition available = lock.newCondition();
    /** Signalled when the pool is closed. */
    private final Condition closed = lock.newCondition();
    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private State state = State.OPEN;
    /** Acquires waiting for an outcome. */
    private int waiting;
    private boolean drained;

    CloneQueue(String poolName) {
        this.poolName = poolName;
    }

    /**
     * Orders one clone and waits for the oldest outcome: this order's, or one ordered before (a prefetch).
     *
     * @param order     schedules making one clone; runs under the lock, so never after {@link #beginClose()}
     * @param noneReady runs under the lock, before waiting, when no outcome is queued
     * @throws FraiseException {@code POOL_CLOSED} when the pool is closed or closes while waiting; the failure of
     *                         the outcome taken when making it failed ({@code DATABASE_CLONE_FAILED})
     */
    Database take(Runnable order, Runnable noneReady) {
        lock.lock();
        try {
            requireOpen();
            order.run();
            if (outcomes.isEmpty()) {
                noneReady.run();
            }
            while (outcomes.isEmpty()) {
                waiting++;
                try {
                    available.await();
                } finally {
                    waiting--;
                }
                requireOpen();
            }
            Outcome outcome = outcomes.poll();
            if (outcome instanceof Made made) {
                return made.database();
            }
            FraiseException failure = ((Failed) outcome).failure();
            throw new FraiseException(failure.code(), failure.detail(), null, failure.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FraiseException(ErrorCode.DATABASE_CLONE_FAILED, "interrupted while waiting for a clone of "
                    + poolName, null, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues an outcome for the next acquire.
     *
     * @return false once the pool has drained its queue for closing; the caller then disposes of the clone
     */
    boolean put(Outcome outcome) {
        lock.lock();
        try {
            if (drained) {
                return false;
            }
            outcomes.add(outcome);
            available.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the next outcome put would go to an acquire already waiting for it. */
    boolean awaited() {
        lock.lock();
        try {
            return waiting > outcomes.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether clones should still be made. */
    boolean isOpen() {
        lock.lock();
        try {
            return state == State.OPEN;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses every acquire from now on and wakes those waiting.
     *
     * @return false when another caller closes (or closed) the pool already
     */
    boolean beginClose() {
        lock.lock();
        try {
            if (state != State.OPEN) {
                return false;
            }
            state = State.CLOSING;
            available.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Empties the queue for good: the clones no one will take, to be dropped. */
    List<Database> drain() {
        lock.lock();
        try {
            drained = true;
            List<Database> left = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                if (outcome instanceof Made made) {
                    left.add(made.database());
                }
            }
            outcomes.clear();
            return left;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the pool closed, releasing those waiting in {@link #awaitClosed()}. */
    void finishClose() {
        lock.lock();
        try {
            state = State.CLOSED;
            closed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the caller that closes the pool has finished. */
    void awaitClosed() {
        lock.lock();
        try {
            while (state != State.CLOSED) {
                closed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The exception of an acquire after or during close. */
    FraiseException closedException() {
        return new FraiseException(ErrorCode.POOL_CLOSED, "template pool " + poolName + " is closed");
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw closedException();
        }
    }
}
