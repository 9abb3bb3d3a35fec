package dev.zimclient.client;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;
import org.jetbrains.annotations.NotNull;

/**
 * What Retrofit's call factory returns: only the request Retrofit built. The action executor takes
 * that request and sends each attempt through OkHttp itself, so a real OkHttp call made here would
 * be built on every call and never run.
 */
final class UnsentCall implements Call {
  private final Request request;

  UnsentCall(Request request) {
    this.request = request;
  }

  @NotNull
  @Override
  public Request request() {
    return request;
  }

  @NotNull
  @Override
  public Response execute() throws IOException {
    throw new UnsupportedOperationException("the action executor sends requests");
  }

  @Override
  public void enqueue(@NotNull Callback callback) {
    throw new UnsupportedOperationException("the action executor sends requests");
  }

  @Override
  public void cancel() {
    // Never started.
  }

  @Override
  public boolean isExecuted() {
    return false;
  }

  @Override
  public boolean isCanceled() {
    return false;
  }

  @NotNull
  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @NotNull
  @Override
  public Call clone() {
    return new UnsentCall(request);
  }
}
