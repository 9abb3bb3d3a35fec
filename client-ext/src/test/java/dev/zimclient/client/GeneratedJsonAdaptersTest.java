package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.zimclient.generated.ZimAction;
import dev.zimclient.generated.api.RoomApi;
import dev.zimclient.generated.model.CreateRoomRequest;
import dev.zimclient.generated.model.DestroyRoomResponse;
import dev.zimclient.generated.model.RoomAttribute;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Moshi adapters generated per model: found by Moshi, and reading and writing the spec's JSON. */
class GeneratedJsonAdaptersTest {
  private final Moshi moshi = new Moshi.Builder().build();
  private final JsonAdapter<Object> tree = moshi.adapter(Object.class);

  @Test
  void moshiUsesTheGeneratedAdapterOfEveryModel() {
    List<Class<?>> records = new ClassFileImporter().importPackages("dev.zimclient.generated.model").stream()
        .<Class<?>>map(JavaClass::reflect)
        .filter(Class::isRecord)
        .toList();
    assertTrue(records.size() >= 8, records.toString());
    for (Class<?> record : records) {
      assertEquals("JsonAdapter(" + record.getSimpleName() + ").nullSafe()", moshi.adapter(record).toString());
    }
  }

  /** Every response example of every action reads into its record and writes back the same JSON. */
  @Test
  void everySpecExampleSurvivesARoundTrip() throws IOException {
    int checked = 0;
    for (Method method : RoomApi.class.getMethods()) {
      ZimAction action = method.getAnnotation(ZimAction.class);
      if (action == null || method.getName().endsWith("Async")) {
        continue;
      }
      JsonAdapter<Object> adapter = moshi.adapter(method.getGenericReturnType());
      for (String name : ZimSpec.get().operation(action.value()).examples().keySet()) {
        String json = ZimSpec.get().example(action.value(), name);
        Object value = adapter.fromJson(json);
        assertEquals(tree.fromJson(json), tree.fromJson(adapter.toJson(value)), action.value() + " " + name);
        checked++;
      }
    }
    assertTrue(checked >= 15, "examples checked: " + checked);
  }

  @Test
  void unknownNamesAreSkippedAndNullsReadAsNull() throws IOException {
    DestroyRoomResponse response = moshi.adapter(DestroyRoomResponse.class).fromJson(
        "{\"Extra\":{\"a\":[1,2]},\"Code\":7,\"Message\":null,\"Other\":\"x\",\"RequestId\":\"r\"}");
    assertEquals(new DestroyRoomResponse(7, null, "r"), response);
  }

  @Test
  void nullComponentsAreLeftOutWhenWritten() throws IOException {
    CreateRoomRequest request = CreateRoomRequest.builder()
        .roomId("room-1")
        .attributes(List.of(RoomAttribute.builder().key("k").value("v").build()))
        .build();
    String json = moshi.adapter(CreateRoomRequest.class).toJson(request);
    assertEquals(Map.of("RoomId", "room-1", "Attributes", List.of(Map.of("Key", "k", "Value", "v"))), tree.fromJson(json));
    assertNull(moshi.adapter(CreateRoomRequest.class).fromJson("null"));
  }
}
