package dev.zimclient.client.internal.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  @Test
  void credentialsSignLikeThePublicAlgorithmAndHideTheSecret() {
    ZimCredentials credentials = new ZimCredentials(12345, "9193cc662a4c0ec135ec71fb57194b38");
    assertEquals("43e5cfcca828314675f91b001390566a", credentials.sign("4fd24687296dd9f3", 1615186943));
    assertTrue(!credentials.toString().contains("9193cc66"));
  }

  @Test
  void noncesAreSixteenLowercaseHexCharactersAndDoNotRepeat() {
    NonceGenerator nonces = new NonceGenerator();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String nonce = nonces.next();
      assertTrue(nonce.matches("[0-9a-f]{16}"), nonce);
      assertTrue(seen.add(nonce), "repeated nonce " + nonce);
    }
  }
}
