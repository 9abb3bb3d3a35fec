package dev.zimclient.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What a repository would receive: every published jar named as a module, with sources and Javadoc, all in the BOM. */
class PublishedArtifactsTest {
  private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

  @Test
  void everyPublishedJarCarriesAModuleNameSourcesAndJavadoc() throws Exception {
    Map<String, Path> jars = publishedJarModules();
    assertTrue(jars.containsKey("zim-client-ext") && jars.containsKey("zim-spring-boot-starter"), jars.toString());
    for (Map.Entry<String, Path> module : jars.entrySet()) {
      String artifactId = module.getKey();
      String dir = Jars.ROOT.relativize(module.getValue()).toString();
      try (JarFile jar = new JarFile(Jars.jar(dir, artifactId, "").toFile())) {
        String name = jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        assertTrue(name != null && MODULE_NAME.matcher(name).matches(), artifactId + ": Automatic-Module-Name " + name);
      }
      for (String classifier : List.of("sources", "javadoc")) {
        Path attached = Jars.jar(dir, artifactId, classifier);
        assertTrue(Files.size(attached) > 0, attached + " exists");
      }
    }
  }

  @Test
  void theBomPinsEveryPublishedArtifactAndNothingElse() throws Exception {
    Document bom = parse(Jars.ROOT.resolve("bom/pom.xml"));
    Set<String> pinned = new TreeSet<>();
    for (Element dependency : children(first(first(bom.getDocumentElement(), "dependencyManagement"), "dependencies"),
        "dependency")) {
      assertEquals("dev.zimclient", text(dependency, "groupId"), "only the project's own artifacts");
      assertEquals("${project.version}", text(dependency, "version"));
      pinned.add(text(dependency, "artifactId"));
    }
    assertEquals(publishedJarModules().keySet(), pinned);
    assertEquals(Jars.VERSION, text(bom.getDocumentElement(), "version"), "the BOM's version is the project's");
    assertTrue(first(bom.getDocumentElement(), "parent") == null, "a parent would pass on its third-party management");
  }

  @Test
  void theParentCarriesWhatARepositoryAsksFor() throws Exception {
    Element root = parse(Jars.ROOT.resolve("pom.xml")).getDocumentElement();
    for (String element : List.of("name", "description", "url", "licenses", "developers", "scm")) {
      assertTrue(first(root, element) != null, element);
    }
    assertEquals("Apache-2.0", text(first(first(root, "licenses"), "license"), "name"));
    assertTrue(Files.readString(Jars.ROOT.resolve("LICENSE")).contains("Apache License"));
    assertFalse(text(first(root, "properties"), "project.build.outputTimestamp").isBlank());
  }

  @Test
  void theBaselineIsGeneratedWithClientGeneratedsSettings() throws Exception {
    assertEquals(generatorSettings(Jars.ROOT.resolve("client-generated/pom.xml")),
        generatorSettings(Jars.ROOT.resolve("api-compat/pom.xml")));
  }

  /** The generator execution's settings, without those that name the input and its paths. */
  private static Map<String, String> generatorSettings(Path pom) throws Exception {
    NodeList executions = parse(pom).getElementsByTagName("execution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element configuration = first((Element) executions.item(i), "configuration");
      if (configuration != null && first(configuration, "generatorName") != null) {
        Map<String, String> settings = new TreeMap<>();
        for (Element setting : children(configuration, null)) {
          if (!Set.of("inputSpec", "templateDirectory", "configurationFile").contains(setting.getTagName())) {
            settings.put(setting.getTagName(), setting.getTextContent().replaceAll("\\s+", " ").trim());
          }
        }
        return settings;
      }
    }
    throw new AssertionError("no generator execution in " + pom);
  }

  /** Published jar modules by artifactId: the root's modules that neither skip deploying nor are POMs. */
  private static Map<String, Path> publishedJarModules() throws Exception {
    Map<String, Path> modules = new TreeMap<>();
    for (Element module : children(first(parse(Jars.ROOT.resolve("pom.xml")).getDocumentElement(), "modules"), "module")) {
      Path dir = Jars.ROOT.resolve(module.getTextContent().trim());
      Element pom = parse(dir.resolve("pom.xml")).getDocumentElement();
      Element properties = first(pom, "properties");
      boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
      if (!skipped && !"pom".equals(text(pom, "packaging"))) {
        modules.put(text(pom, "artifactId"), dir);
      }
    }
    return modules;
  }

  private static Document parse(Path file) throws Exception {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
        found.add(element);
      }
    }
    return found;
  }

  private static Element first(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String text(Element parent, String name) {
    Element child = first(parent, name);
    return child == null ? "" : child.getTextContent().trim();
  }
}
