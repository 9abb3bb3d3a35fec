package dev.zimclient.simulator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The remaining public parameters, each present and well-formed, in the gateway's order:
 * SignatureVersion (100000013 empty, 100000014 not 2.0), SignatureNonce (100000008),
 * Timestamp (100000002 empty, 100000003 not a decimal Int64), Signature (100000009).
 */
final class PublicParamCheck implements Check {

  private static final Pattern INT64 = Pattern.compile("-?[0-9]{1,19}");

  private final GatewayCodes codes;
  private final Messages messages;

  PublicParamCheck(GatewayCodes codes, Messages messages) {
    this.codes = codes;
    this.messages = messages;
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    Optional<String> version = call.query.nonEmpty(PublicParams.VERSION);
    if (version.isEmpty()) {
      return Optional.of(messages.reject(codes.versionEmpty()));
    }
    if (!PublicParams.SUPPORTED_VERSION.equals(version.get())) {
      return Optional.of(messages.reject(codes.versionUnsupported(), version.get()));
    }
    if (call.query.nonEmpty(PublicParams.NONCE).isEmpty()) {
      return Optional.of(messages.reject(codes.nonceEmpty()));
    }
    Optional<String> timestamp = call.query.nonEmpty(PublicParams.TIMESTAMP);
    if (timestamp.isEmpty()) {
      return Optional.of(messages.reject(codes.timestampEmpty()));
    }
    Optional<Long> seconds = parseSeconds(timestamp.get());
    if (seconds.isEmpty()) {
      return Optional.of(messages.reject(codes.timestampBadFormat()));
    }
    if (call.query.nonEmpty(PublicParams.SIGNATURE).isEmpty()) {
      return Optional.of(messages.reject(codes.signatureEmpty()));
    }
    call.timestampSeconds = seconds.get();
    return Optional.empty();
  }

  private static Optional<Long> parseSeconds(String text) {
    if (!INT64.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
