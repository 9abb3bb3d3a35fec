package dev.zimclient.client;

import dev.zimclient.client.signing.ZimSignature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZimSignatureTest {
  @Test
  void matchesZegosOfficialTestVector() {
    assertEquals("43e5cfcca828314675f91b001390566a",
        ZimSignature.compute(12345, "4fd24687296dd9f3", "9193cc662a4c0ec135ec71fb57194b38", 1615186943));
  }

  /** Any nonce and timestamp, however long or unusual, hash as the documented UTF-8 text. */
  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "4fd24687296dd9f3 => 1615186943",
      "n => 0",
      "nonce-éß中😀 => 1615186943",
      "0123456789012345678901234567890123456789012345678901234567890123456789 => 9223372036854775807",
      "ab => -5",
  })
  void agreesWithMd5OfTheConcatenatedText(String nonce, long timestamp) {
    String secret = "secret-ß";
    assertEquals(Md5.hex(12345 + nonce + secret + timestamp), ZimSignature.compute(12345, nonce, secret, timestamp));
  }
}
