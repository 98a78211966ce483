package dev.fraise.junit;

/**
 * How often a test class gets a fresh database. Fresh means as the template made it: a database a test only read
 * may be handed to the next test again (see {@code PoolOptions.recycle()} and the README, *Recycling unchanged
 * clones*).
 */
public enum Isolation {
    /** One database for all tests of a class (and its {@code @BeforeAll} methods). */
    PER_CLASS,
    /** A fresh database for every test method. */
    PER_METHOD
}
