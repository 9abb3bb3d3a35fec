package dev.zimclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZimSignatureTest {

  @Test
  void matchesTheOfficialVector() {
    assertEquals(
        "43e5cfcca828314675f91b001390566a",
        ZimSignature.sign(12345, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", 1615186943));
  }

  @Test
  void agreesWithAnIndependentMd5OfTheConcatenation() {
    String expected = TestGatewayClient.md5Hex("4294967295" + "00ff" + "sécret" + "-5");
    assertEquals(expected, ZimSignature.sign(4294967295L, "00ff", "sécret", -5));
  }

  @Test
  void everyInputChangesTheSignature() {
    String base = ZimSignature.sign(12345, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", 1615186943);
    assertNotEquals(base, ZimSignature.sign(12346, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", 1615186943));
    assertNotEquals(base, ZimSignature.sign(12345, "4fd24687296dd9f4", "9193cc662a4c0ec135ec71fb57194b38", 1615186943));
    assertNotEquals(base, ZimSignature.sign(12345, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b39", 1615186943));
    assertNotEquals(base, ZimSignature.sign(12345, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", 1615186944));
  }

  @Test
  void comparesExactly() {
    assertTrue(ZimSignature.matches("43e5cfcca828314675f91b001390566a", "43e5cfcca828314675f91b001390566a"));
    assertFalse(ZimSignature.matches("43e5cfcca828314675f91b001390566a", "43E5CFCCA828314675F91B001390566A"));
    assertFalse(ZimSignature.matches("43e5cfcca828314675f91b001390566a", "43e5cfcca828314675f91b001390566"));
  }
}
