package dev.zimclient.client.callback;

import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.APP_MISMATCH;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.BAD_SIGNATURE;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.MALFORMED;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.MISSING_FIELD;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.REPLAYED;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.STALE_TIMESTAMP;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.TOO_LARGE;
import static dev.zimclient.client.callback.ZimCallbackRefusedException.Reason.UNKNOWN_EVENT;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.zimclient.generated.ZimCallback;
import dev.zimclient.generated.ZimCallbackType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks that a callback comes from ZEGO and reads it into the record of its event.
 *
 * <pre>{@code
 * ZimCallbackVerifier verifier = ZimCallbackVerifier.builder()
 *     .callbackSecret(System.getenv("ZIM_CALLBACK_SECRET"))
 *     .build();
 * ZimCallback callback = verifier.verify(headers, body);   // or ZimCallbackRefusedException
 * if (callback instanceof RoomCreateCallback created) { ... }
 * }</pre>
 *
 * <p>In order: the size, the body's shape, the five envelope fields, the AppId, the signature, the
 * timestamp window, the event, the event's own fields, and (when enabled) the replay check, which
 * comes last so that a refused body never uses up a nonce. Immutable and thread-safe.
 */
public final class ZimCallbackVerifier {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final List<String> KNOWN_EVENTS =
      Arrays.stream(ZimCallbackType.values()).map(ZimCallbackType::event).sorted().toList();

  private final String callbackSecret;
  private final String appId;
  private final Clock clock;
  private final Duration timestampWindow;
  private final int maxBodyBytes;
  private final ZimCallbackNonceStore nonces;

  private ZimCallbackVerifier(Builder builder) {
    this.callbackSecret = builder.callbackSecret;
    this.appId = builder.appId;
    this.clock = builder.clock;
    this.timestampWindow = builder.timestampWindow;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.nonces = builder.nonces;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a callback given its HTTP headers (names in any case; only {@code Content-Type} is
   * read) and its body as received.
   */
  public ZimCallback verify(Map<String, ? extends Collection<String>> headers, byte[] body) {
    String contentType = null;
    for (Map.Entry<String, ? extends Collection<String>> header : headers.entrySet()) {
      if ("Content-Type".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        contentType = header.getValue().iterator().next();
      }
    }
    return verify(contentType, body);
  }

  /** Verifies a callback whose {@code Content-Type} is unknown; the body's shape tells how to read it. */
  public ZimCallback verify(byte[] body) {
    return verify((String) null, body);
  }

  /**
   * Verifies a callback given its {@code Content-Type} (null when unknown) and its body.
   *
   * @return the event's record: a {@code RoomCreateCallback} for {@code room_create}, and so on
   * @throws ZimCallbackRefusedException when the callback is not accepted, naming why
   */
  public ZimCallback verify(String contentType, byte[] body) {
    Objects.requireNonNull(body, "body");
    if (body.length > maxBodyBytes) {
      throw new ZimCallbackRefusedException(TOO_LARGE, null,
          "the body has " + body.length + " bytes, more than the " + maxBodyBytes + " allowed");
    }
    String json = CallbackBody.toJson(contentType, body);
    CallbackEnvelope envelope = CallbackEnvelope.read(json);
    if (appId != null && !appId.equals(envelope.appid())) {
      throw new ZimCallbackRefusedException(APP_MISMATCH, "appid", "the callback is for another AppId");
    }
    Instant sentAt = CallbackTimestamps.parse(envelope.timestamp());
    if (!ZimCallbackSignature.matches(callbackSecret, envelope.timestamp(), envelope.nonce(), envelope.signature())) {
      throw new ZimCallbackRefusedException(BAD_SIGNATURE, "signature",
          "the signature does not match the callback secret, timestamp and nonce");
    }
    Duration age = Duration.between(sentAt, clock.instant());
    if (age.abs().compareTo(timestampWindow) > 0) {
      throw new ZimCallbackRefusedException(STALE_TIMESTAMP, "timestamp",
          "the timestamp is " + age.abs().toSeconds() + " s from this clock, more than the "
              + timestampWindow.toSeconds() + " s allowed");
    }
    ZimCallbackType type = ZimCallbackType.of(envelope.event()).orElseThrow(
        () -> new ZimCallbackRefusedException(UNKNOWN_EVENT, "event",
            "the spec declares no event " + Excerpts.quote(envelope.event()) + "; known: " + KNOWN_EVENTS));
    ZimCallback callback = read(type, json);
    if (nonces != null) {
      Duration ttl = timestampWindow.minus(age);
      if (!nonces.claim(replayKey(callback), ttl.isNegative() ? Duration.ZERO : ttl)) {
        throw new ZimCallbackRefusedException(REPLAYED, "nonce",
            "this timestamp and nonce were accepted before, within the window");
      }
    }
    return callback;
  }

  /**
   * Forgets that {@code callback} was accepted, so that ZEGO's next attempt at the same delivery
   * passes the replay check; call it when handling the callback failed. Does nothing without
   * replay protection.
   */
  public void forget(ZimCallback callback) {
    if (nonces != null) {
      nonces.release(replayKey(callback));
    }
  }

  /** The largest body accepted, for adapters that read the body themselves. */
  int maxBodyBytes() {
    return maxBodyBytes;
  }

  private static ZimCallback read(ZimCallbackType type, String json) {
    ZimCallback callback;
    try {
      callback = MOSHI.adapter(type.bodyType()).fromJson(json);
    } catch (IOException | JsonDataException e) {
      throw new ZimCallbackRefusedException(MALFORMED, Excerpts.field(e),
          "a field of the " + type.event() + " body has the wrong type (" + Excerpts.of(e) + ")");
    }
    String missing = RequiredFields.firstMissing((Record) callback);
    if (missing != null) {
      throw new ZimCallbackRefusedException(MISSING_FIELD, missing,
          "the field " + missing + " of " + type.event() + " is missing");
    }
    return callback;
  }

  private static String replayKey(ZimCallback callback) {
    return callback.appid() + '\n' + callback.timestamp() + '\n' + callback.nonce();
  }

  @Override
  public String toString() {
    return "ZimCallbackVerifier[appId=" + (appId == null ? "any" : appId) + ", timestampWindow=" + timestampWindow
        + ", maxBodyBytes=" + maxBodyBytes + ", replayProtection=" + (nonces != null) + ", callbackSecret=<redacted>]";
  }

  /** Configures a verifier; not thread-safe. */
  public static final class Builder {
    private String callbackSecret;
    private String appId;
    private Clock clock = Clock.systemUTC();
    private Duration timestampWindow = Duration.ofMinutes(10);
    private int maxBodyBytes = 1024 * 1024;
    private ZimCallbackNonceStore nonces;

    private Builder() {}

    /** The callback secret from the ZEGO console; required. Never shown in messages or toString. */
    public Builder callbackSecret(String value) {
      Objects.requireNonNull(value, "callbackSecret");
      if (value.isBlank()) {
        throw new IllegalArgumentException("callbackSecret must not be blank");
      }
      this.callbackSecret = value;
      return this;
    }

    /** Accepts only callbacks of this AppId (default: any). */
    public Builder appId(long value) {
      if (value < 1 || value > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("appId must be 1..4294967295: " + value);
      }
      this.appId = Long.toString(value);
      return this;
    }

    /** The clock the timestamp is compared with (default the system clock). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** How far the timestamp may be from the clock, either way (default 10 minutes, at most a day). */
    public Builder timestampWindow(Duration value) {
      Objects.requireNonNull(value, "timestampWindow");
      if (value.isNegative() || value.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("timestampWindow must be 0..1 day: " + value);
      }
      this.timestampWindow = value;
      return this;
    }

    /** The largest body accepted, in bytes (default 1 MiB). */
    public Builder maxBodyBytes(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive: " + value);
      }
      this.maxBodyBytes = value;
      return this;
    }

    /** Refuses a second callback with the same AppId, timestamp and nonce, remembered in {@code store}. */
    public Builder replayProtection(ZimCallbackNonceStore store) {
      this.nonces = Objects.requireNonNull(store, "store");
      return this;
    }

    /** {@link #replayProtection(ZimCallbackNonceStore)} in this process's memory, 100,000 callbacks at most. */
    public Builder replayProtection() {
      return replayProtection(ZimCallbackNonceStore.inMemory(100_000));
    }

    public ZimCallbackVerifier build() {
      if (callbackSecret == null) {
        throw new IllegalStateException("callbackSecret is required");
      }
      return new ZimCallbackVerifier(this);
    }

    @Override
    public String toString() {
      return "ZimCallbackVerifier.Builder[appId=" + appId + ", callbackSecret=" + (callbackSecret == null ? "unset" : "<redacted>") + "]";
    }
  }
}
