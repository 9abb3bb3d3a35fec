package dev.zimclient.client.internal.call;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.zimclient.generated.ZimAction;
import dev.zimclient.generated.ZimEnvelope;
import dev.zimclient.generated.ZimRateLimit;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
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

  public ZimCallAdapterFactory(CallRuntime runtime, Moshi moshi) {
    this.runtime = runtime;
    this.moshi = moshi;
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
    FailureClassifier failures = new FailureClassifier(action.value(), runtime.settings);
    ActionInvoker<Object> invoker = new ActionInvoker<>(
        runtime.limiters.forAction(action.value(), find(annotations, ZimRateLimit.class)),
        runtime,
        failures,
        new AttemptRunner<>(action.value(), adapter, runtime, failures));
    return new ActionCallAdapter(invoker, async);
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
  private record ActionCallAdapter(ActionInvoker<Object> invoker, boolean async)
      implements CallAdapter<ResponseBody, Object> {
    @Override
    public Type responseType() {
      return ResponseBody.class;
    }

    @Override
    public Object adapt(Call<ResponseBody> call) {
      return async ? invoker.callAsync(call.request()) : invoker.call(call.request());
    }
  }
}
