package dev.zimclient.samples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.ZimSimulator;
import dev.zimclient.spring.boot.test.AutoConfigureZimSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import kotlin.KotlinVersion;
import kotlin.Metadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sample application, started whole on a random port: the starter gives it a RoomApi that
 * calls the simulator, and Actuator serves the client's meters and health over HTTP. The same
 * test runs on Spring Boot 4.0 (this module) and 3.5 (spring-boot3-sample).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureZimSimulator(seedRooms = {"room-1", "room-2"})
class RoomJanitorApplicationTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired
  RoomJanitor janitor;

  @Autowired
  RoomApi rooms;

  @Autowired
  ZimSimulator simulator;

  @Value("${local.server.port}")
  int port;

  @Test
  void destroysRoomsOnTheSimulatorAndExposesTheZimMetersAndHealth() throws Exception {
    System.out.println("Spring Boot " + SpringBootVersion.getVersion() + ", kotlin-stdlib " + KotlinVersion.CURRENT);

    assertEquals(2, janitor.destroy(List.of("room-1", "room-2", "never-existed")));
    assertTrue(simulator.rooms().isEmpty());

    String calls = get("/actuator/metrics/zim.client.calls?tag=action:DestroyRoom");
    assertTrue(calls.contains("\"name\":\"zim.client.calls\""), calls);
    assertTrue(calls.contains("{\"statistic\":\"COUNT\",\"value\":3.0}"), calls);
    assertTrue(get("/actuator/metrics/zim.client.calls?tag=code.class:not-found").contains("\"value\":1.0"));
    assertTrue(get("/actuator/metrics/zim.client.attempts").contains("\"name\":\"zim.client.attempts\""));
    assertTrue(get("/actuator/metrics/zim.client.permit.wait").contains("\"name\":\"zim.client.permit.wait\""));
    assertTrue(get("/actuator/metrics/zim.client.clock.offset").contains("\"value\":0.0"));

    String health = get("/actuator/health/zim");
    assertTrue(health.contains("\"status\":\"UP\"") && health.contains("\"clockOffsetMillis\":0"), health);
  }

  @Test
  void theHealthGoesDownWhenTheServiceKeepsFailing() throws Exception {
    simulator.faults().busyProbability(1.0);
    try {
      for (int i = 0; i < 3; i++) {
        try {
          rooms.destroyRoom("room-x", null);
        } catch (RuntimeException expected) {
          // server busy, after every retry
        }
      }
      String health = get("/actuator/health/zim", 503);
      assertTrue(health.contains("\"status\":\"DOWN\"") && health.contains("server-error"), health);
    } finally {
      simulator.faults().reset();
      simulator.seedRoom("room-y");
      rooms.destroyRoom("room-y", null);
    }
    assertTrue(get("/actuator/health/zim").contains("\"status\":\"UP\""));
  }

  /** Retrofit 3 is Kotlin 2.1 code: the kotlin-stdlib Boot's dependency management chose must be as new. */
  @Test
  void theKotlinStdlibIsAtLeastTheOneRetrofitWasBuiltWith() throws Exception {
    int[] builtWith = Class.forName("retrofit2.KotlinExtensions").getAnnotation(Metadata.class).mv();
    assertTrue(KotlinVersion.CURRENT.isAtLeast(builtWith[0], builtWith[1]),
        "kotlin-stdlib " + KotlinVersion.CURRENT + " is older than Kotlin " + builtWith[0] + "." + builtWith[1]);
  }

  private String get(String path) throws IOException, InterruptedException {
    return get(path, 200);
  }

  private String get(String path, int status) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(status, response.statusCode(), path + ": " + response.body());
    return response.body();
  }
}
