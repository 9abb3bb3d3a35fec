package dev.zimclient.compat;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiCompatibilityChangeType;
import japicmp.model.JApiField;
import japicmp.model.JApiImplementedInterface;
import japicmp.model.JApiParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javassist.CtClass;

/**
 * The Java API gate: japicmp's binary and source compatibility verdicts on the public API of two
 * jars, less what the project's evolution policy (docs/API-EVOLUTION.md) allows:
 *
 * <ul>
 *   <li>packages named {@code internal} are not API;
 *   <li>the canonical constructors of generated records are not API (their builders are), so a
 *       record may gain a component;
 *   <li>generated Moshi adapters ({@code *JsonAdapter}) are found by Moshi, not called by users;
 *   <li>generated API interfaces may gain methods (new actions): the client implements them, users
 *       do not.
 * </ul>
 *
 * Everything else japicmp calls binary- or source-incompatible is a break: a generated method
 * whose parameters changed (a new query parameter of a GET action, say) is one.
 */
final class ApiGate {
  static final String GENERATED_API = "dev.zimclient.generated.api.";
  static final String GENERATED_MODEL = "dev.zimclient.generated.model.";

  private ApiGate() {}

  /** One break: where, and japicmp's name for the change. */
  record Break(String where, JApiCompatibilityChangeType change) {
    @Override
    public String toString() {
      return where + ": " + change;
    }
  }

  static List<Break> breaks(byte[] baselineJar, byte[] currentJar) {
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.setAccessModifier(AccessModifier.PROTECTED);
    // Third-party supertypes (Retrofit, Moshi, OkHttp) are not compared, only named.
    options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
    List<JApiClass> classes = new JarArchiveComparator(options).compare(
        new JApiCmpArchive(baselineJar, "baseline", "0"), new JApiCmpArchive(currentJar, "current", "1"));
    List<Break> breaks = new ArrayList<>();
    for (JApiClass type : classes) {
      String name = type.getFullyQualifiedName();
      if (isInternal(name) || isGeneratedAdapter(name)) {
        continue;
      }
      add(breaks, name, type.getCompatibilityChanges(), false);
      add(breaks, name + " (superclass)", type.getSuperclass().getCompatibilityChanges(), false);
      for (JApiImplementedInterface implemented : type.getInterfaces()) {
        add(breaks, name + " implements " + implemented.getFullyQualifiedName(), implemented.getCompatibilityChanges(),
            false);
      }
      boolean record = isRecord(type);
      for (JApiBehavior constructor : type.getConstructors()) {
        add(breaks, name + signature("<init>", constructor), constructor.getCompatibilityChanges(),
            record && name.startsWith(GENERATED_MODEL));
      }
      for (JApiBehavior method : type.getMethods()) {
        add(breaks, name + "." + signature(method.getName(), method), method.getCompatibilityChanges(), false);
      }
      for (JApiField field : type.getFields()) {
        add(breaks, name + "." + field.getName(), field.getCompatibilityChanges(), false);
      }
    }
    return breaks.stream().filter(b -> !allowedOnGeneratedInterface(b)).collect(Collectors.toList());
  }

  private static void add(List<Break> breaks, String where, List<JApiCompatibilityChange> changes, boolean allowed) {
    if (allowed) {
      return;
    }
    for (JApiCompatibilityChange change : changes) {
      if (!change.isBinaryCompatible() || !change.isSourceCompatible()) {
        breaks.add(new Break(where, change.getType()));
      }
    }
  }

  /** A new action adds a method to its tag's interface: only the client implements those. */
  private static boolean allowedOnGeneratedInterface(Break b) {
    return b.where().startsWith(GENERATED_API) && b.change() == JApiCompatibilityChangeType.METHOD_ADDED_TO_INTERFACE;
  }

  private static boolean isInternal(String name) {
    return name.contains(".internal.");
  }

  private static boolean isGeneratedAdapter(String name) {
    return name.startsWith(GENERATED_MODEL) && name.endsWith("JsonAdapter");
  }

  private static boolean isRecord(JApiClass type) {
    Optional<CtClass> old = type.getOldClass();
    CtClass any = old.isPresent() ? old.get() : type.getNewClass().orElse(null);
    return any != null && "java.lang.Record".equals(any.getClassFile2().getSuperclass());
  }

  private static String signature(String name, JApiBehavior behavior) {
    return name + behavior.getParameters().stream().map(JApiParameter::getType)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
