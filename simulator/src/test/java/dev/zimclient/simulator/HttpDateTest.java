package dev.zimclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDateTest {

  @Test
  void followsTheClockEachSecondBackwardsToo() {
    HttpDate date = new HttpDate();
    assertEquals("Mon, 08 Mar 2021 07:32:23 GMT", date.format(Instant.parse("2021-03-08T07:32:23.100Z")));
    assertEquals("Mon, 08 Mar 2021 07:32:23 GMT", date.format(Instant.parse("2021-03-08T07:32:23.999Z")));
    assertEquals("Mon, 08 Mar 2021 07:32:24 GMT", date.format(Instant.parse("2021-03-08T07:32:24Z")));
    // A clock set back (the offset knob, a pinned test clock) is followed at once.
    assertEquals("Mon, 08 Mar 2021 07:02:23 GMT", date.format(Instant.parse("2021-03-08T07:02:23.500Z")));
    assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", date.format(Instant.EPOCH));
  }
}
