package dev.zimclient.simulator.http;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Turns one Jetty exchange into a {@link RawRequest}, asks the {@link RequestHandler} and writes
 * its {@link RawResponse}, after the delay it asks for. The body arrives already de-chunked and
 * size-checked (a {@code SizeLimitHandler} wraps this one).
 */
final class ExchangeHandler extends Handler.Abstract.NonBlocking {

  private static final System.Logger LOG = System.getLogger(ExchangeHandler.class.getName());
  private static final byte[] NO_BODY = new byte[0];

  private final RequestHandler handler;
  private final Scheduler scheduler;

  ExchangeHandler(RequestHandler handler, Scheduler scheduler) {
    this.handler = handler;
    this.scheduler = scheduler;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    // Most requests are GETs without a body (no Content-Length, no Transfer-Encoding): skip the
    // asynchronous read for them.
    boolean hasBody = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (!hasBody) {
      answer(request, NO_BODY, response, callback);
      return true;
    }
    Content.Source.asByteArrayAsync(
        request,
        -1,
        Promise.Invocable.from(
            InvocationType.NON_BLOCKING,
            (body, failure) -> {
              if (failure != null) {
                // A body over the limit (an HttpException for 413) or cut off: Jetty answers
                // what it can.
                callback.failed(failure);
              } else {
                answer(request, body, response, callback);
              }
            }));
    return true;
  }

  private void answer(Request request, byte[] body, Response response, Callback callback) {
    HttpURI uri = request.getHttpURI();
    RawResponse answer;
    try {
      answer = handler.handle(new RawRequest(request.getMethod(), uri.getPath(), uri.getQuery(), body));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "request handler failed", e);
      Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "internal error");
      return;
    }
    if (answer.delayNanos() == 0) {
      write(answer, response, callback);
      return;
    }
    try {
      scheduler.schedule(() -> write(answer, response, callback), answer.delayNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Stopping: the answer is dropped with its connection.
      callback.failed(e);
    }
  }

  private static void write(RawResponse answer, Response response, Callback callback) {
    response.setStatus(answer.status());
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      response.getHeaders().put(header.getKey(), header.getValue());
    }
    // Known length, so Jetty sends Content-Length rather than chunks.
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }
}
