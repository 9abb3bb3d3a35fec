package dev.zimclient.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zimclient.client.ZimClient;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.simulator.ZimSimulator;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Which test parameters the extension claims: its own three kinds, nothing else. */
class ParameterResolutionTest {

  @SuppressWarnings("unused")
  private static void parameters(
      ZimSimulator simulator, ZimClient client, RoomApi rooms, Runnable runnable, Supplier<String> supplier, String text) {}

  @Test
  void claimsTheSimulatorTheClientAndGeneratedApisOnly() {
    ZimSimulatorExtension extension = ZimSimulatorExtension.builder().build();
    Map<String, Boolean> claimed = new LinkedHashMap<>();
    for (Parameter parameter : parametersMethod().getParameters()) {
      claimed.put(parameter.getType().getSimpleName(), extension.supportsParameter(context(parameter), null));
    }
    assertEquals(
        Map.of("ZimSimulator", true, "ZimClient", true, "RoomApi", true, "Runnable", false, "Supplier", false, "String", false),
        claimed);
  }

  @Test
  void nothingIsResolvedBeforeTheSimulatorRuns() {
    ZimSimulatorExtension extension = ZimSimulatorExtension.builder().build();
    Parameter rooms = parametersMethod().getParameters()[2];
    assertThrows(ParameterResolutionException.class, () -> extension.resolveParameter(context(rooms), null));
    assertThrows(IllegalStateException.class, extension::client);
  }

  private static Method parametersMethod() {
    try {
      return ParameterResolutionTest.class.getDeclaredMethod(
          "parameters", ZimSimulator.class, ZimClient.class, RoomApi.class, Runnable.class, Supplier.class, String.class);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  // The extension looks at the parameter alone; any other question is a test bug.
  private static ParameterContext context(Parameter parameter) {
    return (ParameterContext) Proxy.newProxyInstance(
        ParameterContext.class.getClassLoader(),
        new Class<?>[] {ParameterContext.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getParameter")) {
            return parameter;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
