package dev.zimclient.simulator;

import dev.zimclient.client.ZimClient;
import dev.zimclient.client.ZimClientBuilder;
import java.util.function.Consumer;

/**
 * The only class that touches the client, so that {@link ZimSimulatorExtension} loads and runs
 * without {@code zim-client-ext} on the classpath as long as no client is asked for.
 */
final class ExtensionClients {

  private ExtensionClients() {}

  static ZimClient create(
      String baseUrl, long appId, String serverSecret, Consumer<? super ZimClientBuilder> customizer) {
    ZimClientBuilder builder = ZimClient.builder().appId(appId).serverSecret(serverSecret).endpoint(baseUrl);
    customizer.accept(builder);
    return builder.build();
  }
}
