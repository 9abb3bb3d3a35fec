package dev.zimclient.client.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The callback signature against ZEGO's own published example. */
class ZimCallbackSignatureTest {

  @Test
  void theOfficialVector() {
    // ZEGO's example: nonce 123412, timestamp 1470820198, secret "secret"; sorted and joined they
    // read 1234121470820198secret.
    assertEquals("5bd59fd62953a8059fb7eaba95720f66d19e4517",
        ZimCallbackSignature.compute("secret", "1470820198", "123412"));
  }

  @Test
  void theOrderOfTheArgumentsDoesNotMatterOnlyTheirSortedOrder() {
    // The three strings are sorted before hashing, so which role each plays is irrelevant.
    assertEquals(ZimCallbackSignature.compute("secret", "1470820198", "123412"),
        ZimCallbackSignature.compute("123412", "secret", "1470820198"));
    assertEquals(Sha1.hex("1234121470820198secret"), ZimCallbackSignature.compute("secret", "1470820198", "123412"));
    // Sorting is by character, not by number: "9" sorts after "10000000000".
    assertEquals(Sha1.hex("100000000009s"), ZimCallbackSignature.compute("s", "10000000000", "9"));
  }

  @Test
  void matchesAcceptsTheSignatureInEitherCaseAndNothingElse() {
    String good = "5bd59fd62953a8059fb7eaba95720f66d19e4517";
    assertTrue(ZimCallbackSignature.matches("secret", "1470820198", "123412", good));
    assertTrue(ZimCallbackSignature.matches("secret", "1470820198", "123412", good.toUpperCase()));
    assertFalse(ZimCallbackSignature.matches("secret", "1470820198", "123412", good.replace('5', '6')));
    assertFalse(ZimCallbackSignature.matches("secret", "1470820198", "123412", good.substring(1)));
    assertFalse(ZimCallbackSignature.matches("secret", "1470820198", "123412", good + "0"));
    assertFalse(ZimCallbackSignature.matches("secret", "1470820198", "123412", ""));
    assertFalse(ZimCallbackSignature.matches("secret", "1470820198", "123412", null));
    assertFalse(ZimCallbackSignature.matches("Secret", "1470820198", "123412", good));
    assertFalse(ZimCallbackSignature.matches("secret", "1470820199", "123412", good));
    assertFalse(ZimCallbackSignature.matches("secret", "1470820198", "123413", good));
  }
}
