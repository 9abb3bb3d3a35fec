package dev.zimclient.samples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Destroys rooms through the auto-configured {@code RoomApi}. Run it with {@code ZIM_APP_ID} and
 * {@code ZIM_SERVER_SECRET} set (Spring Boot maps them to {@code zim.app-id} and
 * {@code zim.server-secret}), and {@code ZIM_ENDPOINT} for a simulator.
 */
@SpringBootApplication
public class RoomJanitorApplication {
  public static void main(String[] args) {
    SpringApplication.run(RoomJanitorApplication.class, args);
  }
}
