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
 * @param rateLimits the declared windows, all of which apply; empty when unlimited
 * @param pagination how the action pages, if it does
 * @param responseFields the top-level fields the answer's schema declares; empty when it says none
 * @param successExample the documented success answer, or an empty map
 * @param documentedCodes the business codes the operation's {@code x-zim-return-codes} lists
 */
public record ActionSpec(
    String name,
    String method,
    List<ParamSpec> params,
    List<RateLimit> rateLimits,
    Optional<Pagination> pagination,
    Set<String> responseFields,
    Map<String, Object> successExample,
    Set<Integer> documentedCodes) {

  public ActionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    params = List.copyOf(params);
    rateLimits = List.copyOf(rateLimits);
    Objects.requireNonNull(pagination, "pagination");
    responseFields = Set.copyOf(responseFields);
    // LinkedHashMap keeps the example's field order; nulls are legal JSON values there.
    successExample = Collections.unmodifiableMap(new LinkedHashMap<>(successExample));
    documentedCodes = Set.copyOf(documentedCodes);
  }

  /** Whether a business parameter of this name (or {@code name[]}) is declared. */
  public boolean declares(String name) {
    return param(name).isPresent();
  }

  /** The business parameter of this name (or {@code name[]}). */
  public Optional<ParamSpec> param(String name) {
    return params.stream().filter(p -> p.baseName().equals(name)).findFirst();
  }

  /** Whether business parameters travel in a JSON body. */
  public boolean hasBody() {
    return params.stream().anyMatch(p -> p.location() == ParamLocation.BODY);
  }

  /**
   * Whether the answer carries a {@code RequestId}: the envelope's usual field, which an action
   * served by another host (ZIM Audio's) leaves out. Assumed when the schema names no fields.
   */
  public boolean answersRequestId() {
    return responseFields.isEmpty() || responseFields.contains("RequestId");
  }
}
