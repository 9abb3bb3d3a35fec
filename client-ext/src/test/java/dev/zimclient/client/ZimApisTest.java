package dev.zimclient.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.ZimAction;
import dev.zimclient.generated.ZimApis;
import dev.zimclient.generated.api.RoomApi;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ZimApis, which frameworks read to offer every interface, lists exactly the generated ones. */
class ZimApisTest {
  private static final String API_PACKAGE = RoomApi.class.getPackageName().replace('.', '/');

  @Test
  void listsEveryInterfaceOfTheApiPackage() throws Exception {
    Set<String> listed = ZimApis.all().stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(interfacesOnTheClasspath(), listed);
    assertTrue(listed.contains(RoomApi.class.getName()));
  }

  @Test
  void everyListedInterfaceIsAClientInterface() {
    try (ZimClient client = ZimClient.builder().appId(1).serverSecret("s").endpoint("http://127.0.0.1:9/").build()) {
      for (Class<?> api : ZimApis.all()) {
        assertTrue(Arrays.stream(api.getMethods()).anyMatch(m -> m.isAnnotationPresent(ZimAction.class)), api.getName());
        assertNotNull(client.create(api), api.getName());
      }
    }
  }

  private static Set<String> interfacesOnTheClasspath() throws IOException, URISyntaxException {
    URL url = RoomApi.class.getClassLoader().getResource(API_PACKAGE);
    Set<String> names;
    if (url.openConnection() instanceof JarURLConnection jar) {
      try (JarFile file = jar.getJarFile()) {
        names = file.stream().map(e -> e.getName())
            .filter(n -> n.startsWith(API_PACKAGE + "/") && n.endsWith(".class") && n.indexOf('$') < 0)
            .map(n -> n.substring(API_PACKAGE.length() + 1))
            .collect(Collectors.toSet());
      }
    } else {
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && n.indexOf('$') < 0)
            .collect(Collectors.toSet());
      }
    }
    return names.stream()
        .map(n -> API_PACKAGE.replace('/', '.') + "." + n.substring(0, n.length() - ".class".length()))
        .filter(ZimApisTest::isInterface)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean isInterface(String name) {
    try {
      return Class.forName(name).isInterface();
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
