package dev.zimclient.client;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.wiremock.WireMockResponse;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Checks every request WireMock receives and every response it returns against the project's spec
 * with swagger-request-validator.
 *
 * <p>The stock {@code OpenApiValidationListener} looks operations up by the bare path {@code /},
 * which the spec does not have: each action is the path key {@code /?Action=<Name>}. This listener
 * validates with that key and passes the other query parameters as they are. It never throws,
 * since a throwing listener would keep WireMock from answering; the test asks for the violations
 * afterwards.
 */
final class SpecValidationListener implements RequestListener {
  private static final String ACTION = "Action";

  private final OpenApiInteractionValidator validator;
  private final Set<String> actions;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  private SpecValidationListener(OpenAPI api, Set<String> actions) {
    this.validator = OpenApiInteractionValidator.createFor(applyDocumentSecurity(api))
        // Parameters the spec does not declare are errors: the client must send nothing else.
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
            .build())
        .build();
    this.actions = Set.copyOf(actions);
  }

  /** A listener for the spec on the classpath. */
  static SpecValidationListener forProjectSpec() {
    ZimSpec spec = ZimSpec.get();
    return new SpecValidationListener(spec.parse(), spec.actions());
  }

  @Override
  public void requestReceived(Request request, Response response) {
    // Only copies the exchange: validating here would slow the server down and skew timings
    // that tests measure, such as rate limits. Validation runs when a test asks.
    String url = request.getUrl();
    Method method = Method.valueOf(request.getMethod().getName());
    List<String> problems = new ArrayList<>();
    Map<String, QueryParameter> query = Urls.splitQueryFromUrl(url);
    String path = Urls.getPath(url) + actionSuffix(query, url, problems);

    SimpleRequest.Builder copy = new SimpleRequest.Builder(method, path, true);
    query.forEach((name, values) -> {
      if (!name.equals(ACTION)) {
        copy.withQueryParam(name, values.values());
      }
    });
    request.getHeaders().all().forEach(header -> copy.withHeader(header.key(), header.values()));
    if (request.getBody() != null && request.getBody().length > 0) {
      copy.withBody(request.getBodyAsString());
    }
    String line = method + " " + url;
    exchanges.add(new Exchange(line, path, method, copy.build(), List.copyOf(problems),
        line + " -> HTTP " + response.getStatus(), WireMockResponse.of(response), withoutContentType(response)));
  }

  /** Violations of requests since the last reset, each with its request line and the validator's report. */
  List<String> requestViolations() {
    List<String> violations = new ArrayList<>();
    for (Exchange exchange : exchanges) {
      exchange.problems().forEach(problem -> violations.add(exchange.line() + ": " + problem));
      add(violations, exchange.line(), validator.validateRequest(exchange.request()));
    }
    return violations;
  }

  /** Violations of responses since the last reset. */
  List<String> responseViolations() {
    List<String> violations = new ArrayList<>();
    for (Exchange exchange : exchanges) {
      if (exchange.bodyWithoutContentType()) {
        // The validator checks a body against the schema only when a Content-Type says it is JSON.
        violations.add(exchange.answer() + ": a body without Content-Type; the spec declares application/json");
      }
      add(violations, exchange.answer(), validator.validateResponse(exchange.path(), exchange.method(), exchange.response()));
    }
    return violations;
  }

  void reset() {
    exchanges.clear();
  }

  /**
   * The {@code ?Action=<Name>} part of the path key. The validator matches path keys ignoring
   * case, so the exact spelling, and that there is one, is checked here.
   */
  private String actionSuffix(Map<String, QueryParameter> query, String url, List<String> problems) {
    QueryParameter action = query.get(ACTION);
    if (action == null || !action.isPresent()) {
      problems.add("no Action parameter");
      return "";
    }
    if (action.values().size() != 1) {
      problems.add("Action is sent " + action.values().size() + " times");
    }
    if (!actions.contains(action.firstValue())) {
      problems.add("Action '" + action.firstValue() + "' is not an action of the spec " + actions);
    }
    return "?" + ACTION + "=" + action.firstValue();
  }

  private static boolean withoutContentType(Response response) {
    return response.getBody() != null && response.getBody().length > 0
        && response.getHeaders().getContentTypeHeader().mimeTypePart() == null;
  }

  private static void add(List<String> violations, String exchange, ValidationReport report) {
    if (report.hasErrors()) {
      violations.add(exchange + "\n" + SimpleValidationReportFormat.getInstance().apply(report));
    }
  }

  /**
   * Gives every operation without its own {@code security} the document's. OpenAPI says the
   * document's requirement applies to them, but the validator reads only the operation's, and
   * the five public parameters are declared that way.
   */
  private static OpenAPI applyDocumentSecurity(OpenAPI api) {
    if (api.getSecurity() != null) {
      api.getPaths().values().forEach(item -> {
        for (Operation operation : item.readOperations()) {
          if (operation.getSecurity() == null) {
            operation.setSecurity(api.getSecurity());
          }
        }
      });
    }
    return api;
  }

  /** One request and its answer as the validator sees them, copied when WireMock served them. */
  private record Exchange(String line, String path, Method method, com.atlassian.oai.validator.model.Request request,
      List<String> problems, String answer, com.atlassian.oai.validator.model.Response response,
      boolean bodyWithoutContentType) {}
}
