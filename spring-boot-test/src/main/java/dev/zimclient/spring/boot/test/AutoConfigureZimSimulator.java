package dev.zimclient.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the test's Spring context at a local ZIM simulator: a {@code ZimSimulator} is started on
 * loopback for the context, the context's {@code zim.endpoint}, {@code zim.app-id} and
 * {@code zim.server-secret} are set to it (over any other source), and the simulator is a bean
 * to inject, so that a test can seed rooms, turn fault knobs and read the journal. It stops when
 * the context closes; test classes with the same settings share one context and one simulator.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureZimSimulator(seedRooms = "room-1")
 * class RoomJanitorTest {
 *   @Autowired RoomJanitor janitor;
 *   @Autowired ZimSimulator simulator;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureZimSimulator {
  /** The AppId the simulator accepts and the client signs for. */
  long appId() default 1_234_567_890L;

  /** The ServerSecret of that AppId: a test value, never a real one. */
  String serverSecret() default "00000000000000000000000000000000";

  /** Rooms that exist when the simulator starts. */
  String[] seedRooms() default {};

  /** Whether the simulator enforces the spec's rate limits, as ZEGO's gateway does. */
  boolean rateLimits() default true;
}
