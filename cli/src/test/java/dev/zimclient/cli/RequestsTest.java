package dev.zimclient.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.zimclient.simulator.ActionResult;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests of generated commands as the simulator on loopback receives them. */
class RequestsTest {
  static final long APP_ID = 626262;
  static final String SECRET = "00112233445566778899aabbccddeeff";
  /** The users of room "big", listed three to a page by the handler below. */
  static final List<String> USERS = IntStream.range(0, 7).mapToObj(i -> "user-" + i).toList();

  @TempDir Path dir;
  ZimSimulator simulator;
  Cli zim;

  @BeforeEach
  void start() {
    simulator = ZimSimulator.builder().app(APP_ID, SECRET).seedRoom("r1").seedRoomUsers("r1", List.of("u1", "u 2")).seedRoom("big")
        .handler("QueryRoomUserList", request -> {
          int from = Integer.parseInt(request.param("NextFlag").filter(s -> !s.isEmpty()).orElse("0"));
          int to = Math.min(from + 3, USERS.size());
          List<Map<String, Object>> page = new ArrayList<>();
          USERS.subList(from, to).forEach(user -> page.add(Map.of("UserId", user, "UserName", "name of " + user)));
          return ActionResult.success(Map.of("UserList", page, "NextFlag", to == USERS.size() ? "" : String.valueOf(to),
              "Count", USERS.size()));
        })
        .start();
    zim = new Cli(dir);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  String[] withSimulator(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--app-id", String.valueOf(APP_ID), "--server-secret", SECRET, "--endpoint", simulator.baseUrl()));
    return all.toArray(String[]::new);
  }

  @Test
  void aGetWithAnArrayParameterSendsEveryItem() throws Exception {
    assertEquals(0, zim.run(withSimulator("kickout-room-user", "--room-id", "r1", "--user-id", "u1", "--user-id", "u 2",
        "--custom-reason", "spam")), zim.err());
    JournalEntry entry = simulator.journal().get(0);
    assertEquals("GET", entry.method());
    assertEquals("KickoutRoomUser", entry.action());
    assertEquals(List.of("u1", "u 2"), entry.params().get("UserId"));
    assertEquals("spam", entry.params().get("CustomReason"));
    Map<?, ?> response = new Moshi.Builder().build().adapter(Map.class).fromJson(zim.out());
    assertEquals(entry.requestId(), response.get("RequestId"), "the whole response record on standard output");
  }

  @Test
  void aPostWithANestedBodySendsTheObjectsAsGiven() {
    assertEquals(0, zim.run(withSimulator("create-room", "--room-id", "new-room", "--from-user-id", "admin",
        "--destroy-delay-time", "60", "--attributes", "[{\"Key\":\"topic\",\"Value\":\"chess\",\"AutoDelete\":1}]")), zim.err());
    JournalEntry entry = simulator.journal().get(0);
    assertEquals("POST", entry.method());
    assertEquals("{\"FromUserId\":\"admin\",\"RoomId\":\"new-room\",\"DestroyDelayTime\":60,"
        + "\"Attributes\":[{\"Key\":\"topic\",\"Value\":\"chess\",\"AutoDelete\":1}]}", entry.body());
    assertTrue(simulator.rooms().contains("new-room"));
  }

  @Test
  void bodyFromAFileWithOptionsLaidOverIt() throws Exception {
    Path body = dir.resolve("body.json");
    Files.writeString(body, "\uFEFF{\"FromUserId\":\"admin\",\"RoomId\":\"from-file\",\"RoomName\":\"Lobby\"}");
    assertEquals(0, zim.run(withSimulator("create-room", "--body", "@" + body, "--room-id", "from-option")), zim.err());
    assertEquals("{\"FromUserId\":\"admin\",\"RoomId\":\"from-option\",\"RoomName\":\"Lobby\"}", simulator.journal().get(0).body());
  }

  @Test
  void aBodyThatDoesNotFitTheRecordIsAUsageErrorAndNothingIsSent() {
    assertEquals(2, zim.run(withSimulator("create-room", "--room-id", "x", "--from-user-id", "a", "--attributes", "{\"Key\":1}")));
    assertTrue(zim.err().startsWith("zim: the JSON body: "), zim.err());
    assertTrue(simulator.journal().isEmpty());
  }

  @Test
  void allFollowsTheCursorAndPrintsOneItemPerLine() throws Exception {
    assertEquals(0, zim.run(withSimulator("query-room-user-list", "--room-id", "big", "--limit", "3", "--all")), zim.err());
    List<String> lines = zim.out().strip().lines().toList();
    var adapter = new Moshi.Builder().build().adapter(Map.class);
    List<Object> users = new ArrayList<>();
    for (String line : lines) {
      users.add(adapter.fromJson(line).get("UserId"));
    }
    assertEquals(USERS, users);
    List<JournalEntry> pages = simulator.journal();
    assertEquals(3, pages.size());
    assertEquals(List.of("", "3", "6"), pages.stream().map(e -> String.valueOf(e.params().getOrDefault("NextFlag", ""))).toList());
    assertEquals(2, zim.run(withSimulator("query-room-user-list", "--room-id", "big", "--next-flag", "3", "--all")));
    assertTrue(zim.err().contains("--all starts at the first page and sets --next-flag itself"), zim.err());
  }

  @Test
  void dryRunValidatesPrintsTheRequestAndSendsNothing() {
    assertEquals(0, zim.run(withSimulator("kickout-room-user", "--room-id", "r1", "--user-id", "u1", "--user-id", "u2", "--dry-run")));
    assertEquals("GET " + simulator.baseUrl() + "?Action=KickoutRoomUser&RoomId=r1&UserId[]=u1&UserId[]=u2", zim.out().strip());
    assertEquals(0, zim.run(withSimulator("create-room", "--room-id", "r9", "--from-user-id", "admin", "--dry-run")));
    assertTrue(zim.out().contains("POST " + simulator.baseUrl() + "?Action=CreateRoom" + System.lineSeparator()
        + "{\"FromUserId\":\"admin\",\"RoomId\":\"r9\"}"), zim.out());
    assertEquals(1, zim.run(withSimulator("destroy-room", "good-room", "bad/room", "--dry-run")));
    assertTrue(zim.out().contains("GET " + simulator.baseUrl() + "?Action=DestroyRoom&RoomId=good-room"), zim.out());
    assertTrue(zim.out().contains("invalid bad/room: RoomId contains '/'"), zim.out());
    assertEquals(2, zim.run(withSimulator("destroy-room", "--room-id", "bad/room", "--dry-run")));
    assertTrue(zim.err().contains("zim: RoomId contains '/'"), zim.err());
    Cli listing = new Cli(dir);
    assertEquals(0, listing.run(withSimulator("query-group-member-list", "--group-id", "g1", "--all", "--dry-run")));
    assertEquals("POST " + simulator.baseUrl() + "?Action=QueryGroupMemberList" + System.lineSeparator() + "{\"GroupId\":\"g1\"}",
        listing.out().strip(), "the first page's request");
    assertTrue(simulator.journal().isEmpty(), "nothing sent");
    assertTrue(!zim.out().contains("Signature") && !zim.out().contains(SECRET) && !zim.out().contains("AppId="));
  }
}
