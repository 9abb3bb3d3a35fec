package dev.zimclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedCredentialsTest {

  @Test
  void secretsLookLikeTheConsolesAndDoNotRepeat() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String secret = GeneratedCredentials.serverSecret();
      assertTrue(secret.matches("[0-9a-f]{32}"), secret);
      secrets.add(secret);
    }
    assertEquals(100, secrets.size());
  }

  @Test
  void appIdsAreUnsigned32BitAndAcceptedByTheSimulator() {
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      long id = GeneratedCredentials.appId();
      assertTrue(id >= 1 && id <= 0xFFFF_FFFFL, Long.toString(id));
      ids.add(id);
    }
    // 100 draws from 2^32 values: a repeat has probability about 1e-6.
    assertTrue(ids.size() >= 99, ids.toString());
    // Half the range is above 2^31: the draws must reach it.
    assertTrue(ids.stream().anyMatch(id -> id > Integer.MAX_VALUE), ids.toString());
    ZimSimulator.builder().app(ids.iterator().next(), GeneratedCredentials.serverSecret()).build().close();
  }
}
