package dev.zimclient.client.internal.signing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Shows an event listener of the application's OkHttp client the request as the application made
 * it. OkHttp hands listeners the request and response as they went on the wire, and here those
 * carry the signature: OkHttp's {@code LoggingEventListener}, for one, prints them. Every other
 * event passes through unchanged.
 */
public final class UnsignedEventListener extends EventListener {
  private final EventListener delegate;

  private UnsignedEventListener(EventListener delegate) {
    this.delegate = delegate;
  }

  /** Wraps the listeners a factory makes; OkHttp's default, which listens to nothing, is left alone. */
  public static EventListener.Factory wrap(EventListener.Factory factory) {
    return call -> {
      EventListener listener = factory.create(call);
      return listener == EventListener.NONE ? listener : new UnsignedEventListener(listener);
    };
  }

  /** The request with the URL the call was made with, before signing. */
  private static Request unsigned(Call call, Request request) {
    HttpUrl url = call.request().url();
    return request.url().equals(url) ? request : request.newBuilder().url(url).build();
  }

  private static Response unsigned(Call call, Response response) {
    Request request = unsigned(call, response.request());
    return request == response.request() ? response : response.newBuilder().request(request).build();
  }

  @Override
  public void requestHeadersEnd(Call call, Request request) {
    delegate.requestHeadersEnd(call, unsigned(call, request));
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    delegate.responseHeadersEnd(call, unsigned(call, response));
  }

  @Override
  public void satisfactionFailure(Call call, Response response) {
    delegate.satisfactionFailure(call, unsigned(call, response));
  }

  @Override
  public void cacheHit(Call call, Response response) {
    delegate.cacheHit(call, unsigned(call, response));
  }

  @Override
  public void cacheConditionalHit(Call call, Response cachedResponse) {
    delegate.cacheConditionalHit(call, unsigned(call, cachedResponse));
  }

  // Everything else, as it came.

  @Override
  public void callStart(Call call) {
    delegate.callStart(call);
  }

  @Override
  public void proxySelectStart(Call call, HttpUrl url) {
    delegate.proxySelectStart(call, url);
  }

  @Override
  public void proxySelectEnd(Call call, HttpUrl url, List<Proxy> proxies) {
    delegate.proxySelectEnd(call, url, proxies);
  }

  @Override
  public void dnsStart(Call call, String domainName) {
    delegate.dnsStart(call, domainName);
  }

  @Override
  public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
    delegate.dnsEnd(call, domainName, addresses);
  }

  @Override
  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    delegate.connectStart(call, address, proxy);
  }

  @Override
  public void secureConnectStart(Call call) {
    delegate.secureConnectStart(call);
  }

  @Override
  public void secureConnectEnd(Call call, Handshake handshake) {
    delegate.secureConnectEnd(call, handshake);
  }

  @Override
  public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
    delegate.connectEnd(call, address, proxy, protocol);
  }

  @Override
  public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException e) {
    delegate.connectFailed(call, address, proxy, protocol, e);
  }

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    delegate.connectionAcquired(call, connection);
  }

  @Override
  public void connectionReleased(Call call, Connection connection) {
    delegate.connectionReleased(call, connection);
  }

  @Override
  public void requestHeadersStart(Call call) {
    delegate.requestHeadersStart(call);
  }

  @Override
  public void requestBodyStart(Call call) {
    delegate.requestBodyStart(call);
  }

  @Override
  public void requestBodyEnd(Call call, long byteCount) {
    delegate.requestBodyEnd(call, byteCount);
  }

  @Override
  public void requestFailed(Call call, IOException e) {
    delegate.requestFailed(call, e);
  }

  @Override
  public void responseHeadersStart(Call call) {
    delegate.responseHeadersStart(call);
  }

  @Override
  public void responseBodyStart(Call call) {
    delegate.responseBodyStart(call);
  }

  @Override
  public void responseBodyEnd(Call call, long byteCount) {
    delegate.responseBodyEnd(call, byteCount);
  }

  @Override
  public void responseFailed(Call call, IOException e) {
    delegate.responseFailed(call, e);
  }

  @Override
  public void callEnd(Call call) {
    delegate.callEnd(call);
  }

  @Override
  public void callFailed(Call call, IOException e) {
    delegate.callFailed(call, e);
  }

  @Override
  public void canceled(Call call) {
    delegate.canceled(call);
  }

  @Override
  public void cacheMiss(Call call) {
    delegate.cacheMiss(call);
  }
}
