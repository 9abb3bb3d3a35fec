package dev.zimclient.client.reliability;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The public classes of one package, read from the directory or jar it was loaded from. */
final class PublicTypes {
  private PublicTypes() {}

  /** Public, concrete (not abstract, not interface, not enum, not annotation) classes of the package of {@code anchor}. */
  static Set<Class<?>> concreteClassesBeside(Class<?> anchor) throws Exception {
    URI location = anchor.getProtectionDomain().getCodeSource().getLocation().toURI();
    String packagePath = anchor.getPackageName().replace('.', '/');
    Set<Class<?>> found = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
    Path root = Path.of(location);
    if (Files.isDirectory(root)) {
      collect(root, root.resolve(packagePath), anchor, found);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + location), Map.of())) {
        Path jarRoot = jar.getPath("/");
        collect(jarRoot, jarRoot.resolve(packagePath), anchor, found);
      }
    }
    return found;
  }

  private static void collect(Path root, Path dir, Class<?> anchor, Set<Class<?>> found) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type;
        try {
          type = Class.forName(name, false, anchor.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new IOException(e);
        }
        int modifiers = type.getModifiers();
        boolean visible = Modifier.isPublic(modifiers)
            && (type.getEnclosingClass() == null || Modifier.isPublic(type.getEnclosingClass().getModifiers()));
        if (visible && !Modifier.isAbstract(modifiers) && !type.isInterface() && !type.isEnum()
            && !type.isAnnotation() && !type.isAnonymousClass()) {
          found.add(type);
        }
      }
    }
  }
}
