package dev.zimclient.client;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.error.ZimAuthenticationException;
import dev.zimclient.client.error.ZimConfigurationException;
import dev.zimclient.client.error.ZimConflictException;
import dev.zimclient.client.error.ZimInvalidArgumentException;
import dev.zimclient.client.error.ZimLimitExceededException;
import dev.zimclient.client.error.ZimNotFoundException;
import dev.zimclient.client.error.ZimPermissionDeniedException;
import dev.zimclient.client.error.ZimServerErrorException;
import dev.zimclient.client.error.ZimThrottledException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zimclient.generated.ZimReturnCode;
import dev.zimclient.generated.ZimReturnCode.Category;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue's side of the documented answers: every action has a success example and an
 * example of each code it documents, and each category of the catalogue has its exception type
 * ({@link #TYPES}, the oracle). That every example reaches the caller as documented is
 * {@link EveryActionContractTest}'s (success) and {@link EveryActionReturnCodeTest}'s (codes).
 */
class DocumentedAnswersTest {
  static final ZimSpec SPEC = ZimSpec.get();

  /** The exception type of each category; ZimErrorMapper is the implementation, this the oracle. */
  static final Map<Category, Class<? extends ZimApiException>> TYPES = Map.of(
      Category.NOT_FOUND, ZimNotFoundException.class,
      Category.THROTTLED, ZimThrottledException.class,
      Category.AUTHENTICATION, ZimAuthenticationException.class,
      Category.INVALID_ARGUMENT, ZimInvalidArgumentException.class,
      Category.SERVER_ERROR, ZimServerErrorException.class,
      Category.CONFLICT, ZimConflictException.class,
      Category.CONFIGURATION, ZimConfigurationException.class,
      Category.PERMISSION_DENIED, ZimPermissionDeniedException.class,
      Category.LIMIT_EXCEEDED, ZimLimitExceededException.class);

  static Stream<String> actions() {
    return SPEC.actions().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("actions")
  void everyDocumentedCodeHasAnExampleAnswer(String action) {
    Set<Integer> exampleCodes = new TreeSet<>();
    SPEC.operation(action).examples().keySet().forEach(name -> exampleCodes.add(SPEC.exampleCode(action, name)));
    assertTrue(exampleCodes.contains(0), action + " has no success example: " + exampleCodes);
    assertTrue(exampleCodes.containsAll(SPEC.operation(action).returnCodes()),
        action + " documents " + SPEC.operation(action).returnCodes() + " but has examples of " + exampleCodes);
  }

  @Test
  void everyCategoryOfTheCatalogueHasAnExceptionType() {
    Set<Category> categories = EnumSet.noneOf(Category.class);
    for (ZimReturnCode code : ZimReturnCode.values()) {
      categories.add(code.category());
    }
    categories.remove(Category.SUCCESS);
    assertEquals(categories, TYPES.keySet(), "categories of the catalogue and of the oracle");
  }

  @Test
  void everyExampleCodeIsInTheCatalogue() {
    actions().forEach(action -> SPEC.operation(action).examples().keySet().forEach(name ->
        assertTrue(ZimReturnCode.of(SPEC.exampleCode(action, name)).isPresent(),
            action + " " + name + " answers " + SPEC.exampleCode(action, name) + ", which the catalogue lacks")));
  }
}
