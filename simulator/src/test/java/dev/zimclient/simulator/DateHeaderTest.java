package dev.zimclient.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The Date header tells the simulator's time, skew included: clients learn the server clock from it. */
class DateHeaderTest {

  @Test
  void dateHeaderFollowsTheSimulatorClock() throws IOException {
    MutableClock clock = new MutableClock(Instant.parse("2021-03-08T07:02:23Z"));
    try (ZimSimulator zim = ZimSimulator.builder().app(1, "s").clock(clock).clockOffset(Duration.ofMinutes(30)).start();
        Response response = TestGatewayClient.HTTP.newCall(new Request.Builder().url(zim.baseUrl() + "?Action=X").build()).execute()) {
      assertEquals("Mon, 08 Mar 2021 07:32:23 GMT", response.header("Date"));
    }
  }

  @Test
  void dateHeaderOfTheSystemClockWithAnOffset() throws IOException {
    try (ZimSimulator zim = ZimSimulator.builder().app(1, "s").start()) {
      zim.faults().clockOffset(Duration.ofHours(-2));
      try (Response response = TestGatewayClient.HTTP.newCall(new Request.Builder().url(zim.baseUrl()).build()).execute()) {
        Date date = response.headers().getDate("Date");
        long skewSeconds = Duration.between(Instant.now(), date.toInstant()).toSeconds();
        assertTrue(Math.abs(skewSeconds + 7200) <= 2, skewSeconds + " s");
      }
    }
  }
}
