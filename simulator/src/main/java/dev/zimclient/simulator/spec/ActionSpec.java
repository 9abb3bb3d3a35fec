package dev.zimclient.simulator.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One action as the spec declares it.
 *
 * @param name the {@code Action} value
 * @param method {@code GET} or {@code POST}
 * @param params business parameters, in declaration order
 * @param rateLimit the declared limit, if any
 * @param successExample the documented success answer, or an empty map
 * @param documentedCodes the business codes the operation's {@code x-zim-return-codes} lists
 */
public record ActionSpec(
    String name,
    String method,
    List<ParamSpec> params,
    Optional<RateLimit> rateLimit,
    Map<String, Object> successExample,
    Set<Integer> documentedCodes) {

  public ActionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    params = List.copyOf(params);
    Objects.requireNonNull(rateLimit, "rateLimit");
    // LinkedHashMap keeps the example's field order; nulls are legal JSON values there.
    successExample = Collections.unmodifiableMap(new LinkedHashMap<>(successExample));
    documentedCodes = Set.copyOf(documentedCodes);
  }

  /** Whether a business parameter of this name (or {@code name[]}) is declared. */
  public boolean declares(String name) {
    return params.stream().anyMatch(p -> p.baseName().equals(name));
  }

  /** Whether business parameters travel in a JSON body. */
  public boolean hasBody() {
    return params.stream().anyMatch(p -> p.location() == ParamLocation.BODY);
  }
}
