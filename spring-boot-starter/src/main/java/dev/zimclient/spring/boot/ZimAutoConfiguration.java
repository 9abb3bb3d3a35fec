package dev.zimclient.spring.boot;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.ZimClientBuilder;
import dev.zimclient.client.event.ZimEventListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A {@link ZimClient} from the {@code zim.*} properties, once {@code zim.app-id} is set, and a bean
 * of each generated API interface. Event listener beans ({@link ZimEventListener} and its
 * {@code Factory}) are added to the client, then {@link ZimClientBuilderCustomizer} beans run.
 * The client is closed with the context.
 */
@AutoConfiguration
@ConditionalOnClass(ZimClient.class)
@ConditionalOnProperty(prefix = "zim", name = "app-id")
@EnableConfigurationProperties(ZimProperties.class)
@Import(ZimApiBeans.class)
public class ZimAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ZimClient zimClient(ZimProperties properties, ObjectProvider<ZimEventListener> listeners,
      ObjectProvider<ZimEventListener.Factory> listenerFactories, ObjectProvider<ZimClientBuilderCustomizer> customizers) {
    KotlinStdlibCheck.warnIfTooOld();
    ZimClientBuilder builder = ZimClient.builder();
    ZimClientProperties.apply(properties, builder);
    listeners.orderedStream().forEach(builder::addEventListener);
    listenerFactories.orderedStream().forEach(builder::addEventListenerFactory);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }
}
