package dev.fraise.junit;

/** How often a test class gets a fresh database. */
public enum Isolation {
    /** One database for all tests of a class (and its {@code @BeforeAll} methods). */
    PER_CLASS,
    /** A fresh database for every test method. */
    PER_METHOD
}
