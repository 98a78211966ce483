package demo;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class DriftTest {

    @Test
    void plantedDrift() {
        fail("a planted drift that Surefire 2.12.4 never runs");
    }
}
