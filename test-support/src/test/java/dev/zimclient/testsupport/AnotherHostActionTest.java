package dev.zimclient.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.zimclient.generated.api.AudioApi;
import dev.zimclient.generated.model.CgiDescribeZIMAudioLicenseResponse;
import dev.zimclient.simulator.JournalEntry;
import dev.zimclient.simulator.ZimSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An action the spec serves from a host of its own (ZIM Audio's licence, on auth-api.zego.im):
 * a client pointed at the simulator sends it there, and the simulator answers it as that host does.
 */
class AnotherHostActionTest {

  @RegisterExtension
  static final ZimSimulatorExtension ZIM = ZimSimulatorExtension.builder().build();

  @Test
  void theAudioLicenceIsServedByTheSimulatorToo(AudioApi audio, ZimSimulator simulator) {
    CgiDescribeZIMAudioLicenseResponse licence = audio.cgiDescribeZIMAudioLicense();
    assertEquals(0, licence.code());
    assertEquals("3q2+7wAAAAFsaWNlbnNlLWV4YW1wbGU=", licence.data().license());

    JournalEntry request = simulator.journal().get(0);
    assertEquals("CgiDescribeZIMAudioLicense", request.action());
    assertEquals(0, request.code());
    assertFalse(request.rawQuery().isEmpty());
  }
}
