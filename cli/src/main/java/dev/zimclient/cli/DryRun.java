package dev.zimclient.cli;

import java.io.IOException;
import java.io.PrintWriter;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Prints each request instead of sending it. An application interceptor: the client has already
 * validated the arguments and paced nothing (it runs unlimited), and signing, a network
 * interceptor, never runs, so the URL carries no AppId, nonce, timestamp or signature.
 */
final class DryRun implements Interceptor {
  private static final MediaType JSON = MediaType.get("application/json");
  /** The answer the call gets: a success without a cursor, so a listing ends after its first page. */
  private static final String ANSWER = "{\"Code\":0,\"Message\":\"dry run: not sent\",\"RequestId\":\"\"}";

  private final PrintWriter out;

  DryRun(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    // The client sends array keys with raw brackets (UserId[]=a) unless told otherwise; OkHttp's
    // URL shows them encoded until the client's own interceptor has run.
    String url = request.url().toString().replace("%5B%5D=", "[]=");
    StringBuilder text = new StringBuilder(request.method()).append(' ').append(url);
    if (request.body() != null) {
      Buffer body = new Buffer();
      request.body().writeTo(body);
      text.append(System.lineSeparator()).append(body.readUtf8());
    }
    synchronized (out) {
      out.println(text);
      out.flush();
    }
    return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .body(ResponseBody.create(ANSWER, JSON)).build();
  }
}
