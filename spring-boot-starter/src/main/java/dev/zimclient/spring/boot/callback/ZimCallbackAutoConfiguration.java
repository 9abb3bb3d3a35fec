package dev.zimclient.spring.boot.callback;

import dev.zimclient.client.callback.ZimCallbackListener;
import dev.zimclient.client.callback.ZimCallbackNonceStore;
import dev.zimclient.client.callback.ZimCallbackReceiver;
import dev.zimclient.client.callback.ZimCallbackVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Receiving ZEGO's callbacks, once {@code zim.callback.secret} is set: a {@link ZimCallbackVerifier}
 * from the {@code zim.callback.*} properties and, when the application has a {@link
 * ZimCallbackListener} bean, a {@link ZimCallbackReceiver} and (with Spring Web) a {@link
 * ZimCallbackWebHandler} for the controller that serves the route.
 */
@AutoConfiguration
@ConditionalOnClass(ZimCallbackVerifier.class)
@ConditionalOnProperty(prefix = "zim.callback", name = "secret")
@EnableConfigurationProperties(ZimCallbackProperties.class)
public class ZimCallbackAutoConfiguration {

  /** How many accepted callbacks the in-memory replay protection remembers. */
  static final int IN_MEMORY_NONCES = 100_000;

  @Bean
  @ConditionalOnMissingBean
  public ZimCallbackVerifier zimCallbackVerifier(ZimCallbackProperties properties,
      ObjectProvider<ZimCallbackNonceStore> nonceStore) {
    ZimCallbackVerifier.Builder builder = ZimCallbackVerifier.builder()
        .callbackSecret(properties.getSecret())
        .timestampWindow(properties.getTimestampWindow())
        .maxBodyBytes(properties.getMaxBodyBytes());
    if (properties.getAppId() != null) {
      builder.appId(properties.getAppId());
    }
    if (properties.isReplayProtection()) {
      builder.replayProtection(nonceStore.getIfAvailable(() -> ZimCallbackNonceStore.inMemory(IN_MEMORY_NONCES)));
    }
    return builder.build();
  }

  @Bean
  @ConditionalOnBean(ZimCallbackListener.class)
  @ConditionalOnMissingBean
  public ZimCallbackReceiver zimCallbackReceiver(ZimCallbackVerifier verifier, ZimCallbackListener listener) {
    return new ZimCallbackReceiver(verifier, listener);
  }

  /** The controller helper, when Spring Web is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.http.ResponseEntity")
  static class Web {
    // Conditioned on the listener, the application's bean, rather than on the receiver above,
    // which may not be registered yet when this nested class is looked at.
    @Bean
    @ConditionalOnBean(ZimCallbackListener.class)
    @ConditionalOnMissingBean
    ZimCallbackWebHandler zimCallbackWebHandler(ZimCallbackReceiver receiver) {
      return new ZimCallbackWebHandler(receiver);
    }
  }
}
