package dev.zimclient.simulator;

import java.util.Map;
import java.util.Optional;

/**
 * {@code AppId} present and an unsigned 32-bit decimal (100000001), and configured here
 * (100000010: the gateway cannot find a ServerSecret for it).
 */
final class AppIdCheck implements Check {

  private final Map<Long, AppCredentials> apps;
  private final GatewayCodes codes;
  private final Messages messages;

  AppIdCheck(Map<Long, AppCredentials> apps, GatewayCodes codes, Messages messages) {
    this.apps = apps;
    this.codes = codes;
    this.messages = messages;
  }

  @Override
  public Optional<Outcome> apply(Call call) {
    Optional<String> text = call.query.nonEmpty(PublicParams.APP_ID);
    Optional<Long> appId = text.flatMap(AppIdCheck::parse);
    if (appId.isEmpty()) {
      return Optional.of(messages.reject(codes.badAppId()));
    }
    AppCredentials app = apps.get(appId.get());
    if (app == null) {
      return Optional.of(messages.reject(codes.secretUnavailable(), "AppId " + appId.get()));
    }
    call.app = app;
    return Optional.empty();
  }

  static Optional<Long> parse(String text) {
    if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long value = Long.parseLong(text);
    return value <= AppCredentials.MAX_APP_ID ? Optional.of(value) : Optional.empty();
  }
}
