package dev.zimclient.simulator;

import static dev.zimclient.simulator.TestGatewayClient.code;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** UserRegister: users are registered once; the others are listed, and the code tells when none was. */
class UserStateTest {

  private static final long APP_ID = AuthenticationTest.APP_ID;
  private static final String SECRET = AuthenticationTest.SECRET;
  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

  @Test
  void registeringAnExistingUserIsListedAndFailsWhenNoneIsNew() {
    try (ZimSimulator zim = ZimSimulator.builder().app(APP_ID, SECRET).clock(clock).seedUser("old", "Old").start()) {
      TestGatewayClient client = new TestGatewayClient(zim.baseUrl(), APP_ID, SECRET, clock);
      Map<String, Object> some = client.post("UserRegister", "{\"UserInfo\":[{\"UserId\":\"new\",\"UserName\":\"New\"},{\"UserId\":\"old\"}]}");
      assertEquals(0, code(some));
      assertEquals(List.of(Map.of("UserId", "old", "SubCode", 660700002, "SubMessage", "The user is already registered.")), some.get("ErrorList"));
      assertEquals(Set.of("old", "new"), zim.users().ids());
      assertEquals(Optional.of("New"), zim.users().name("new"));

      Map<String, Object> none = client.post("UserRegister", "{\"UserInfo\":[{\"UserId\":\"new\"}]}");
      assertEquals(660700002, code(none));
      assertEquals(1, ((List<?>) none.get("ErrorList")).size());

      zim.reset();
      assertEquals(Set.of("old"), zim.users().ids());
    }
  }
}
