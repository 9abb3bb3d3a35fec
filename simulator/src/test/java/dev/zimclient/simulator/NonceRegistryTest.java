package dev.zimclient.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NonceRegistryTest {

  @Test
  void aNonceIsRememberedUntilItsTimestampLeavesTheWindow() {
    NonceRegistry registry = new NonceRegistry(600, 100);
    assertTrue(registry.firstUse(1, "n", 1000, 1000));
    assertFalse(registry.firstUse(1, "n", 1000, 1600));
    assertTrue(registry.firstUse(2, "n", 1000, 1000), "nonces are per AppId");
    assertTrue(registry.firstUse(1, "n", 1601, 1601), "after the window the nonce is free again");
    assertFalse(registry.firstUse(1, "n", 1601, 1700));
  }

  @Test
  void pastItsCapacityTheOldestAreForgotten() {
    NonceRegistry registry = new NonceRegistry(600, 3);
    for (int i = 0; i < 5; i++) {
      assertTrue(registry.firstUse(1, "n" + i, 1000, 1000));
    }
    assertTrue(registry.firstUse(1, "n0", 1000, 1000), "forgotten: beyond the capacity");
    assertFalse(registry.firstUse(1, "n4", 1000, 1000), "still remembered");
  }

  @Test
  void clearForgetsEverything() {
    NonceRegistry registry = new NonceRegistry(600, 10);
    registry.firstUse(1, "n", 1000, 1000);
    registry.clear();
    assertTrue(registry.firstUse(1, "n", 1000, 1000));
  }
}
