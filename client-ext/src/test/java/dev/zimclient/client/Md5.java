package dev.zimclient.client;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A second, independent MD5 hex encoding for checking signatures in tests. */
final class Md5 {
  private Md5() {}

  static String hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return String.format("%032x", new BigInteger(1, digest));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
