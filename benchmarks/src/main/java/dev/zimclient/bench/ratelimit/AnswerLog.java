package dev.zimclient.bench.ratelimit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Records when each request was sent and which {@code Code} it got back. As an application
 * interceptor of the OkHttp client the ZIM client derives from, it sees every attempt, retries
 * included, whatever server answers.
 */
final class AnswerLog implements Interceptor {
  private static final Pattern CODE = Pattern.compile("\"Code\"\\s*:\\s*(-?\\d+)");

  /** One attempt: when it left, in {@link System#nanoTime()}, and its code, or null without one. */
  record Answer(long sentNanos, Integer code) {}

  private final List<Answer> answers = new ArrayList<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    long sent = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      record(new Answer(sent, null));
      throw e;
    }
    Matcher code = CODE.matcher(response.peekBody(4096).string());
    record(new Answer(sent, code.find() ? Integer.valueOf(code.group(1)) : null));
    return response;
  }

  private synchronized void record(Answer answer) {
    answers.add(answer);
  }

  synchronized List<Answer> answers() {
    return List.copyOf(answers);
  }
}
