package dev.zimclient.simulator;

import java.util.Optional;

/**
 * Rejects a nonce seen before within the signature window. ZEGO does not document this check;
 * the code answered defaults to 100000005 (signature wrong) because it is permanent: a client
 * that re-sends a signed request as is (say, through a transport retry) fails visibly instead of
 * being steered into a retry that would mask the bug.
 */
final class NonceReuseCheck implements Check {

  private final NonceRegistry registry;
  private final SimulatorClock clock;
  private final int code;
  private final Messages messages;

  NonceReuseCheck(NonceRegistry registry, SimulatorClock clock, int code, Messages messages) {
    this.registry = registry;
    this.clock = clock;
    this.code = code;
    this.messages = messages;
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    String nonce = call.query.first(PublicParams.NONCE).orElseThrow();
    long nowSeconds = clock.now().getEpochSecond();
    if (!registry.firstUse(call.app.appId(), nonce, call.timestampSeconds, nowSeconds)) {
      return Optional.of(messages.reject(code, "SignatureNonce was already used"));
    }
    return Optional.empty();
  }
}
