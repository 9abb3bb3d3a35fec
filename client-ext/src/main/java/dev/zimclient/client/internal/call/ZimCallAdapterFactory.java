package dev.zimclient.client.internal.call;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.zimclient.generated.ZimAction;
import dev.zimclient.generated.ZimEnvelope;
import dev.zimclient.generated.ZimRateLimit;
import dev.zimclient.generated.ZimRateLimits;
import dev.zimclient.generated.ZimRegion;
import dev.zimclient.generated.ZimServer;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/**
 * Adapts every method of a generated interface: one returning a record runs the call and returns
 * the record; one returning {@code CompletableFuture} runs it without blocking. Everything the
 * call needs comes from the method's generated annotations; a method without {@link ZimAction} is
 * refused when the interface is created.
 */
public final class ZimCallAdapterFactory extends CallAdapter.Factory {
  private final CallRuntime runtime;
  private final Moshi moshi;
  private final HttpUrl endpoint;
  private final String userAgent;

  public ZimCallAdapterFactory(CallRuntime runtime, Moshi moshi, HttpUrl endpoint, String userAgent) {
    this.runtime = runtime;
    this.moshi = moshi;
    this.endpoint = endpoint;
    this.userAgent = userAgent;
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    ZimAction action = find(annotations, ZimAction.class);
    if (action == null) {
      throw new IllegalArgumentException("no @ZimAction: a ZimClient serves only interfaces generated from the spec");
    }
    Class<?> raw = getRawType(returnType);
    boolean async = raw == CompletableFuture.class;
    if (raw == Call.class) {
      throw new IllegalArgumentException(action.value() + ": return the record or CompletableFuture, not Call");
    }
    if (async && !(returnType instanceof ParameterizedType)) {
      throw new IllegalArgumentException(action.value() + ": CompletableFuture needs a type argument");
    }
    Type bodyType = async ? getParameterUpperBound(0, (ParameterizedType) returnType) : returnType;
    if (!ZimEnvelope.class.isAssignableFrom(getRawType(bodyType))) {
      throw new IllegalArgumentException(action.value() + ": the response type " + bodyType + " is not a ZimEnvelope");
    }
    JsonAdapter<Object> adapter = moshi.adapter(bodyType);
    FailureClassifier failures = new FailureClassifier(action.value(), action.idempotent(), runtime.settings);
    ActionInvoker<Object> invoker = new ActionInvoker<>(
        action.value(),
        runtime.limiters.forAction(action.value(), rateLimits(annotations)),
        action.idempotent(),
        runtime,
        failures,
        new AttemptRunner<>(action.value(), adapter, runtime, failures));
    return new ActionCallAdapter(invoker, async, hostOf(find(annotations, ZimServer.class)), userAgent);
  }

  /**
   * The base URL of an action the spec serves from a host of its own, when this client talks to
   * ZEGO's hosts; null otherwise, so that a simulator or proxy endpoint serves every action.
   */
  private HttpUrl hostOf(ZimServer server) {
    boolean zegoEndpoint = Arrays.stream(ZimRegion.values())
        .anyMatch(region -> HttpUrl.get(region.baseUrl() + "/").equals(endpoint));
    return server != null && zegoEndpoint ? HttpUrl.get(server.value()) : null;
  }

  /** One window, several (a repeated annotation arrives in its container), or none. */
  private static List<ZimRateLimit> rateLimits(Annotation[] annotations) {
    ZimRateLimits several = find(annotations, ZimRateLimits.class);
    ZimRateLimit one = find(annotations, ZimRateLimit.class);
    return several != null ? List.of(several.value()) : one != null ? List.of(one) : List.of();
  }

  private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
    for (Annotation annotation : annotations) {
      if (type.isInstance(annotation)) {
        return type.cast(annotation);
      }
    }
    return null;
  }

  /**
   * Runs a call blocking or async. Retrofit only builds the request; the invoker sends it, so the
   * raw body type suffices.
   */
  private record ActionCallAdapter(ActionInvoker<Object> invoker, boolean async, HttpUrl host, String userAgent)
      implements CallAdapter<ResponseBody, Object> {
    @Override
    public Type responseType() {
      return ResponseBody.class;
    }

    @Override
    public Object adapt(Call<ResponseBody> call) {
      // Set here, before the application's interceptors, which may still replace it.
      Request.Builder request = call.request().newBuilder().header("User-Agent", userAgent);
      if (host != null) {
        HttpUrl url = call.request().url();
        request.url(url.newBuilder().scheme(host.scheme()).host(host.host()).port(host.port()).build());
      }
      return async ? invoker.callAsync(request.build()) : invoker.call(request.build());
    }
  }
}
