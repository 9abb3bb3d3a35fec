package dev.zimclient.client.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.DestroyRoomResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one DestroyRoom call the blocking or the async way and records how it ended. */
final class Calls {
  /** How the call is made. */
  enum Mode { SYNC, ASYNC }

  /** The call's result or failure (unwrapped from the future), and how long it took. */
  record Outcome(DestroyRoomResponse value, Throwable failure, long millis) {
    /** The failure, asserted to be of the given type. */
    <T extends Throwable> T failure(Class<T> type) {
      if (!type.isInstance(failure)) {
        fail("expected " + type.getSimpleName() + " but the call ended with "
            + (failure == null ? "success " + value : failure.toString()), failure);
      }
      return type.cast(failure);
    }
  }

  private Calls() {}

  /**
   * Makes the call; an async call that has not ended within {@code hangLimit} fails the test, so a
   * lost completion shows as a failure rather than a stuck build.
   */
  static Outcome destroyRoom(RoomApi rooms, Mode mode, String roomId, String fromUserId, Duration hangLimit) {
    long started = System.nanoTime();
    try {
      if (mode == Mode.SYNC) {
        DestroyRoomResponse value = rooms.destroyRoom(roomId, fromUserId);
        return new Outcome(value, null, millisSince(started));
      }
      CompletableFuture<DestroyRoomResponse> future = rooms.destroyRoomAsync(roomId, fromUserId);
      DestroyRoomResponse value = future.get(hangLimit.toMillis(), TimeUnit.MILLISECONDS);
      return new Outcome(value, null, millisSince(started));
    } catch (ExecutionException e) {
      return new Outcome(null, e.getCause(), millisSince(started));
    } catch (TimeoutException e) {
      throw new AssertionError("async call did not end within " + hangLimit, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (RuntimeException e) {
      return new Outcome(null, e, millisSince(started));
    }
  }

  private static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }
}
