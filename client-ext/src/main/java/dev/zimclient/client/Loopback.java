package dev.zimclient.client;

/** Whether a host name stays on this machine, without a DNS lookup. */
final class Loopback {
  private Loopback() {}

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("[::1]")
        || h.matches("127(\\.\\d{1,3}){3}");
  }
}
