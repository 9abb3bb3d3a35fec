package dev.zimclient.simulator;

import dev.zimclient.simulator.http.RawRequest;
import dev.zimclient.simulator.http.RawResponse;
import dev.zimclient.simulator.http.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP side of the gateway: takes {@code GET|POST /?...}, hands it to the {@link Gateway}
 * and answers HTTP 200 JSON, as the real gateway does for every code. The {@code Date} header
 * carries the simulator clock, so that clients that learn the server time from it see the
 * skew the clock-offset knob sets; it tells when the answer was made, as a real gateway's does.
 * Added latency delays only the sending: the request is judged when it arrives.
 */
final class HttpFront implements RequestHandler {

  private final HttpDate date = new HttpDate();
  private final Gateway gateway;
  private final SimulatorClock clock;
  private final FaultKnobs knobs;

  HttpFront(Gateway gateway, SimulatorClock clock, FaultKnobs knobs) {
    this.gateway = gateway;
    this.clock = clock;
    this.knobs = knobs;
  }

  @Override
  public RawResponse handle(RawRequest request) {
    Instant receivedAt = clock.now();
    String path = request.rawPath();
    if (!path.isEmpty() && !"/".equals(path)) {
      return plain(404, "ZIM actions are served at / only", Map.of());
    }
    String method = request.method();
    if (!"GET".equals(method) && !"POST".equals(method)) {
      return plain(405, "GET or POST only", Map.of("Allow", "GET, POST"));
    }
    Answer answer = gateway.handle(method, request.rawQuery(), request.body(), receivedAt);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Date", date.format(clock.now()));
    headers.put("Content-Type", "application/json; charset=utf-8");
    return new RawResponse(200, headers, answer.json(), FaultKnobs.sampleLatencyNanos(knobs.settings()));
  }

  private RawResponse plain(int status, String text, Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Date", date.format(clock.now()));
    headers.put("Content-Type", "text/plain; charset=utf-8");
    headers.putAll(extra);
    return new RawResponse(status, headers, text.getBytes(StandardCharsets.UTF_8));
  }
}
