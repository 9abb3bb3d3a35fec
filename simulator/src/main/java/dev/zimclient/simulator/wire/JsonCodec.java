package dev.zimclient.simulator.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads JSON request bodies and writes JSON answers. */
public final class JsonCodec {

  // Exact numbers, so that range and integer checks see what the client sent.
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonCodec() {}

  /**
   * The top-level object of a request body; an empty body reads as an empty object.
   *
   * @throws MalformedJsonException when the body is not one JSON object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(byte[] body) throws MalformedJsonException {
    if (body == null || isBlank(body)) {
      return new LinkedHashMap<>();
    }
    try {
      Object value = MAPPER.readValue(body, Object.class);
      if (value instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
      throw new MalformedJsonException("the body is not a JSON object");
    } catch (IOException e) {
      throw new MalformedJsonException("the body is not valid JSON");
    }
  }

  /** {@code value} as UTF-8 JSON. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON answer", e);
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** A request body that is not one JSON object. */
  public static final class MalformedJsonException extends Exception {
    public MalformedJsonException(String message) {
      super(message, null, false, false);
    }
  }
}
