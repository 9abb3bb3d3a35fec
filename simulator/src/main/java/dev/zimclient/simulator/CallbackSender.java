package dev.zimclient.simulator;

import dev.zimclient.simulator.wire.JsonCodec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends the callbacks the simulator's state changes produce, signed as ZEGO signs them, to one
 * receiver, and tries again after each pause of {@link CallbackSettings#retryDelays()} until the
 * receiver answers 2xx. Every attempt is journalled.
 *
 * <p>One thread sends, in the order the events happened, so a receiver sees {@code room_create}
 * before the {@code room_destroy} of the same room unless the first needed a retry. The gateway
 * only hands events over, so a slow receiver never holds up an answer to the API.
 */
final class CallbackSender implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CallbackSender.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int JOURNAL_CAPACITY = 10_000;

  private final CallbackSettings settings;
  private final Supplier<Instant> clock;
  private final HttpClient http;
  private final ScheduledExecutorService sender;
  private final ArrayDeque<CallbackDelivery> journal = new ArrayDeque<>();
  /** Raised by {@link #reset()}: attempts scheduled before it are dropped. */
  private volatile long generation;

  CallbackSender(CallbackSettings settings, Supplier<Instant> clock) {
    this.settings = settings;
    this.clock = clock;
    this.sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "zim-simulator-callbacks");
      thread.setDaemon(true);
      return thread;
    });
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.attemptTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Wraps {@code handler} so that its successful answers send the events they produce. */
  ActionHandler observing(ActionHandler handler) {
    return request -> {
      List<String> before = CallbackEvents.before(request);
      ActionResult result = handler.handle(request);
      CallbackEvents.of(request, result, before).ifPresent(event -> send(request.appId(), event, request.receivedAt()));
      return result;
    };
  }

  /** Signs {@code event} of {@code appId}, which happened at {@code at}, and queues its first attempt. */
  void send(long appId, CallbackEvents.Event event, Instant at) {
    // Milliseconds, as ZEGO documents for room and group events, the only ones sent here.
    String timestamp = Long.toString(at.toEpochMilli());
    String nonce = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("appid", Long.toString(appId));
    body.put("event", event.name());
    body.put("timestamp", Long.parseLong(timestamp));
    body.put("nonce", nonce);
    body.put("signature", CallbackSignature.sign(settings.secret(), timestamp, nonce));
    body.putAll(event.fields());
    byte[] json = JsonCodec.write(body);
    long current = generation;
    schedule(() -> attempt(event.name(), json, 1, current), Duration.ZERO);
  }

  private void attempt(String event, byte[] body, int attempt, long scheduledIn) {
    if (scheduledIn != generation) {
      return;
    }
    Instant sentAt = clock.get();
    int status = 0;
    String failure = null;
    try {
      HttpRequest request = HttpRequest.newBuilder(settings.url())
          .timeout(settings.attemptTimeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    List<Duration> delays = settings.retryDelays();
    boolean delivered = status >= 200 && status < 300;
    Duration next = delivered || attempt > delays.size() ? null : delays.get(attempt - 1);
    boolean current = record(new CallbackDelivery(sentAt, event, attempt, status, failure,
        new String(body, StandardCharsets.UTF_8), next), scheduledIn);
    if (current && next != null) {
      LOG.log(System.Logger.Level.DEBUG, "callback {0} attempt {1}: {2}; again in {3}", event, attempt,
          failure != null ? failure : "HTTP " + status, next);
      schedule(() -> attempt(event, body, attempt + 1, scheduledIn), next);
    }
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      sender.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Closed: events after close are dropped, as a stopped gateway sends nothing.
    }
  }

  /**
   * Journals an attempt unless a {@link #reset()} came while it was on the wire; then the attempt
   * belongs to the time before the reset and is neither journalled nor retried.
   */
  private synchronized boolean record(CallbackDelivery delivery, long scheduledIn) {
    if (scheduledIn != generation) {
      return false;
    }
    if (journal.size() == JOURNAL_CAPACITY) {
      journal.removeFirst();
    }
    journal.addLast(delivery);
    return true;
  }

  /** Every attempt so far, oldest first. */
  synchronized List<CallbackDelivery> deliveries() {
    return List.copyOf(journal);
  }

  /** Drops the journal and every attempt not yet made. */
  synchronized void reset() {
    generation++;
    journal.clear();
  }

  @Override
  public void close() {
    synchronized (this) {
      generation++;
    }
    sender.shutdownNow();
  }

  @Override
  public String toString() {
    return "CallbackSender[" + settings + "]";
  }
}
