package dev.zimclient.cli;

import dev.zimclient.generated.api.RoomApi;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Destroys rooms with the client's async calls, a bounded number in flight so that each waits
 * only briefly for its rate-limit permit; a failure is recorded and the run goes on.
 */
final class BulkDestroyer {
  private final RoomApi rooms;
  private final String fromUserId;
  private final int maxInFlight;

  BulkDestroyer(RoomApi rooms, String fromUserId, int maxInFlight) {
    this.rooms = rooms;
    this.fromUserId = fromUserId;
    this.maxInFlight = maxInFlight;
  }

  /** Destroys every room and returns how many failed. */
  long run(Iterator<String> roomIds, Consumer<RoomOutcome> onOutcome) throws InterruptedException {
    Semaphore slots = new Semaphore(maxInFlight);
    AtomicLong failed = new AtomicLong();
    Consumer<RoomOutcome> record = outcome -> {
      if (!outcome.succeeded()) {
        failed.incrementAndGet();
      }
      onOutcome.accept(outcome);
    };
    while (roomIds.hasNext()) {
      String roomId = roomIds.next();
      slots.acquire();
      CompletableFuture<RoomOutcome> call;
      try {
        call = rooms.destroyRoomAsync(roomId, fromUserId).handle((response, failure) -> failure == null
            ? RoomOutcome.destroyed(roomId, response)
            : RoomOutcome.failed(roomId, unwrap(failure)));
      } catch (IllegalArgumentException invalid) {
        call = CompletableFuture.completedFuture(RoomOutcome.failed(roomId, invalid));
      }
      call.thenAccept(record).whenComplete((ignored, e) -> slots.release());
    }
    slots.acquire(maxInFlight);
    return failed.get();
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
