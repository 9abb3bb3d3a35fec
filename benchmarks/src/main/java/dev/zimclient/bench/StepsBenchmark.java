package dev.zimclient.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.zimclient.client.signing.ZimSignature;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.DestroyRoomResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import okio.ByteString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/**
 * The steps a DestroyRoom call takes on top of a raw OkHttp GET, each on its own, so that the
 * client's cost per call can be told apart: what Retrofit pays to build a request from a method
 * call, what adding the five public parameters to that request's URL pays, and what reading the
 * answer into its record pays. Read with {@code -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class StepsBenchmark {
  private static final ByteString ANSWER = ByteString.encodeUtf8(Fixture.SUCCESS_JSON);

  private RoomApi requestOnly;
  private RequestCapture capture;
  private HttpUrl unsigned;
  private JsonAdapter<DestroyRoomResponse> adapter;

  @Setup
  public void setUp() {
    capture = new RequestCapture();
    requestOnly = new Retrofit.Builder()
        .baseUrl("http://127.0.0.1:8080/")
        .callFactory(BuiltOnly::new)
        .addCallAdapterFactory(capture)
        .build()
        .create(RoomApi.class);
    unsigned = HttpUrl.get("http://127.0.0.1:8080/?Action=DestroyRoom&RoomId=" + Fixture.ROOM_ID);
    adapter = new Moshi.Builder().build().adapter(DestroyRoomResponse.class);
  }

  /** Retrofit builds the request of {@code destroyRoom(roomId, null)}: URL, headers, tags. */
  @Benchmark
  public Request retrofitBuildsTheRequest() {
    requestOnly.destroyRoom(Fixture.ROOM_ID, null);
    return capture.last;
  }

  /** The built URL again with the five public parameters, as a request is signed. */
  @Benchmark
  public HttpUrl publicParametersAddedToTheUrl() {
    long timestamp = 1_700_000_000L;
    String nonce = "0123456789abcdef";
    return unsigned.newBuilder()
        .addEncodedQueryParameter("AppId", "1234567890")
        .addEncodedQueryParameter("SignatureNonce", nonce)
        .addEncodedQueryParameter("Timestamp", Long.toString(timestamp))
        .addEncodedQueryParameter("SignatureVersion", "2.0")
        .addEncodedQueryParameter("Signature", ZimSignature.compute(Fixture.APP_ID, nonce, Fixture.SERVER_SECRET, timestamp))
        .build();
  }

  /** The answer's bytes read into the record, through the generated Moshi adapter. */
  @Benchmark
  public DestroyRoomResponse answerReadIntoTheRecord() throws IOException {
    return adapter.fromJson(new Buffer().write(ANSWER));
  }

  /** What Retrofit's call factory returns here: the request, never sent. */
  record BuiltOnly(Request request) implements okhttp3.Call {
    @Override
    public okhttp3.Response execute() {
      throw new UnsupportedOperationException("nothing is sent");
    }

    @Override
    public void enqueue(okhttp3.Callback callback) {
      throw new UnsupportedOperationException("nothing is sent");
    }

    @Override
    public void cancel() {}

    @Override
    public boolean isExecuted() {
      return false;
    }

    @Override
    public boolean isCanceled() {
      return false;
    }

    @Override
    public okio.Timeout timeout() {
      return okio.Timeout.NONE;
    }

    @Override
    public okhttp3.Call clone() {
      return new BuiltOnly(request);
    }
  }

  /** Adapts every method to a call that only builds its request, and keeps the last one. */
  static final class RequestCapture extends CallAdapter.Factory {
    private static final DestroyRoomResponse NOTHING = new DestroyRoomResponse(0, null, null);
    Request last;

    @Override
    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
      return new CallAdapter<Object, Object>() {
        @Override
        public Type responseType() {
          return okhttp3.ResponseBody.class;
        }

        @Override
        public Object adapt(Call<Object> call) {
          last = call.request();
          // The proxy casts to the method's return type; only destroyRoom is called here.
          return returnType == DestroyRoomResponse.class ? NOTHING : null;
        }
      };
    }
  }
}
