package dev.zimclient.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.zimclient.generated.ZimAction;
import dev.zimclient.generated.ZimEnvelope;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/**
 * Adapts every generated method that carries {@link ZimAction}: a method returning a record runs
 * the call and returns the record; one returning {@code CompletableFuture} runs it without
 * blocking. Everything the adapter needs comes from the method's generated annotations.
 */
final class ZimCallAdapterFactory extends CallAdapter.Factory {
  private final ClientRuntime runtime;
  private final ActionLimiters limiters;
  private final Moshi moshi;

  ZimCallAdapterFactory(ClientRuntime runtime, ActionLimiters limiters, Moshi moshi) {
    this.runtime = runtime;
    this.limiters = limiters;
    this.moshi = moshi;
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    ZimAction action = find(annotations, ZimAction.class);
    if (action == null) {
      return null;
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
    ActionExecutor<Object> executor = new ActionExecutor<>(action.value(), limiters.forAction(action.value(), annotations),
        adapter(bodyType), runtime);
    return new ActionCallAdapter(executor, async);
  }

  private JsonAdapter<Object> adapter(Type bodyType) {
    return moshi.adapter(bodyType);
  }

  static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
    for (Annotation annotation : annotations) {
      if (type.isInstance(annotation)) {
        return type.cast(annotation);
      }
    }
    return null;
  }

  /**
   * Runs a call blocking or async. Retrofit only builds the request; the executor sends it, so the
   * raw body type suffices.
   */
  private record ActionCallAdapter(ActionExecutor<Object> executor, boolean async)
      implements CallAdapter<ResponseBody, Object> {
    @Override
    public Type responseType() {
      return ResponseBody.class;
    }

    @Override
    public Object adapt(Call<ResponseBody> call) {
      return async ? executor.executeAsync(call) : executor.execute(call);
    }
  }
}
