package dev.zimclient.simulator;

import java.time.Duration;
import java.util.Optional;

/**
 * The timestamp within the window around the simulator clock (100000004), then the MD5
 * signature (100000005). The expected signature is never put in a message.
 */
final class SignatureCheck implements Check {

  private final long windowMillis;
  private final SimulatorClock clock;
  private final GatewayCodes codes;
  private final Messages messages;

  SignatureCheck(Duration window, SimulatorClock clock, GatewayCodes codes, Messages messages) {
    this.windowMillis = window.toMillis();
    this.clock = clock;
    this.codes = codes;
    this.messages = messages;
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    long skewMillis;
    try {
      skewMillis = Math.subtractExact(clock.now().toEpochMilli(), Math.multiplyExact(call.timestampSeconds, 1000L));
    } catch (ArithmeticException e) {
      skewMillis = Long.MAX_VALUE;
    }
    if (Math.abs(skewMillis) > windowMillis) {
      return Optional.of(messages.reject(codes.signatureExpired()));
    }
    String expected =
        ZimSignature.sign(
            call.app.appId(),
            call.query.first(PublicParams.NONCE).orElseThrow(),
            call.app.serverSecret(),
            call.timestampSeconds);
    String given = call.query.first(PublicParams.SIGNATURE).orElseThrow();
    if (!ZimSignature.matches(expected, given)) {
      return Optional.of(messages.reject(codes.signatureWrong()));
    }
    return Optional.empty();
  }
}
