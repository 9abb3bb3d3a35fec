package dev.zimclient.client.internal.response;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.zimclient.client.error.ZimApiError;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.error.ZimProtocolException;
import dev.zimclient.client.error.ZimProtocolException.Kind;
import dev.zimclient.client.error.ZimTransportException;
import dev.zimclient.client.internal.signing.ServerClock;
import dev.zimclient.client.signing.Redaction;
import dev.zimclient.generated.ZimEnvelope;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Turns one HTTP response into the action's record, or into the exception it stands for. The body
 * is read up to a cap so that a runaway response is refused rather than buffered.
 */
public final class ResponseReader {
  private static final int SNIPPET_BYTES = 120;

  private final long maxBodyBytes;
  private final ServerClock clock;

  public ResponseReader(long maxBodyBytes, ServerClock clock) {
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  /**
   * Reads the response.
   *
   * @param clockSkewRetryAllowed whether a clock-skew code may still be retried in this call
   * @throws ZimException whatever the response stands for when it is not a success
   */
  public <T> T read(String action, Response response, JsonAdapter<T> adapter, boolean clockSkewRetryAllowed) {
    int status = response.code();
    Buffer body = readCapped(action, response);
    if (body.size() == 0) {
      throw new ZimProtocolException(action, status >= 300 ? Kind.HTTP_ERROR : Kind.EMPTY_BODY, status, "empty body",
          isTransient(status), null);
    }
    String snippet = snippet(body);
    T value = parse(action, status, body, snippet, adapter);
    if (value == null) {
      throw new ZimProtocolException(action, Kind.WRONG_SHAPE, status, "JSON null", false, null);
    }
    if (!(value instanceof ZimEnvelope envelope) || envelope.code() == null) {
      throw new ZimProtocolException(action, Kind.WRONG_SHAPE, status, "no numeric Code in " + snippet, isTransient(status), null);
    }
    int code = envelope.code();
    if (code == 0) {
      if (status >= 200 && status < 300) {
        return value;
      }
      throw new ZimProtocolException(action, Kind.HTTP_ERROR, status, "Code 0 with an error status", isTransient(status), null);
    }
    if (ClockSkew.isCode(code)) {
      clock.learn(response.headers().getDate("Date"));
    }
    throw ZimErrorMapper.toException(new ZimApiError(action, code, envelope.message(), envelope.requestId(), status),
        clockSkewRetryAllowed);
  }

  private Buffer readCapped(String action, Response response) {
    ResponseBody body = response.body();
    Buffer buffer = new Buffer();
    if (body == null) {
      return buffer;
    }
    if (body.contentLength() > maxBodyBytes) {
      throw tooLarge(action, response, "declared as " + body.contentLength() + " bytes, more than " + maxBodyBytes);
    }
    try {
      BufferedSource source = body.source();
      if (source.request(maxBodyBytes + 1)) {
        throw tooLarge(action, response, "body larger than " + maxBodyBytes + " bytes");
      }
      source.readAll(buffer);
      return buffer;
    } catch (IOException e) {
      // The connection broke while the body was streaming: the answer is lost, not malformed.
      throw new ZimTransportException(action, "response body interrupted after " + buffer.size() + " bytes (HTTP "
          + response.code() + "): " + e, true, e);
    }
  }

  private static ZimProtocolException tooLarge(String action, Response response, String detail) {
    return new ZimProtocolException(action, Kind.TOO_LARGE, response.code(), detail, false, null);
  }

  private static <T> T parse(String action, int status, Buffer body, String snippet, JsonAdapter<T> adapter) {
    try {
      return adapter.fromJson(body);
    } catch (JsonEncodingException e) {
      // Moshi reports a document cut inside a string or name as a syntax error.
      boolean cut = snippet.startsWith("\"{") && String.valueOf(e.getMessage()).startsWith("Unterminated");
      throw notEnvelope(action, cut ? Kind.TRUNCATED : Kind.NOT_JSON, status, snippet, e);
    } catch (EOFException e) {
      throw notEnvelope(action, Kind.TRUNCATED, status, snippet, e);
    } catch (JsonDataException e) {
      throw notEnvelope(action, Kind.WRONG_SHAPE, status, snippet, e);
    } catch (IOException e) {
      throw notEnvelope(action, Kind.NOT_JSON, status, snippet, e);
    }
  }

  private static ZimProtocolException notEnvelope(String action, Kind kind, int status, String snippet, Exception cause) {
    Kind reported = status >= 200 && status < 300 ? kind : Kind.HTTP_ERROR;
    return new ZimProtocolException(action, reported, status, cause.getMessage() + " in " + snippet, isTransient(status), cause);
  }

  /** Gateways and proxies answer 5xx or 429 for conditions that pass. */
  private static boolean isTransient(int status) {
    return status >= 500 || status == 429 || status == 408;
  }

  /** The start of the body, quoted in error messages, with signature values hidden. */
  private static String snippet(Buffer body) {
    String head = body.snapshot(Math.toIntExact(Math.min(body.size(), SNIPPET_BYTES)))
        .string(StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ");
    return "\"" + Redaction.text(head) + (body.size() > SNIPPET_BYTES ? "..." : "") + "\"";
  }
}
