package dev.zimclient.spec;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedNumericRange;

/**
 * Turns openapi-diff's verdict on one operation into readable lines, one per break. Besides
 * openapi-diff's incompatibilities it counts a removed body or response field as a break, which
 * openapi-diff accepts unless the field was required: here every such field is a component of a
 * generated record, so removing one breaks the callers that use it.
 */
final class OperationBreaks {
  private final String prefix;
  private final List<String> lines = new ArrayList<>();

  private OperationBreaks(ChangedOperation operation) {
    Object action = operation.getNewOperation().getExtensions() == null ? null
        : operation.getNewOperation().getExtensions().get("x-zim-action");
    this.prefix = (action == null ? "" : action + " ") + "(" + operation.getHttpMethod() + " " + operation.getPathUrl() + "): ";
  }

  /** The breaks of one changed operation; empty when it changed compatibly. */
  static List<String> of(ChangedOperation operation) {
    OperationBreaks breaks = new OperationBreaks(operation);
    breaks.parameters(operation.getParameters());
    if (operation.getRequestBody() != null) {
      if (operation.getRequestBody().isChangeRequired()) {
        breaks.add("the request body became required");
      }
      breaks.content(operation.getRequestBody().getContent(), "request body");
    }
    if (operation.getApiResponses() != null) {
      operation.getApiResponses().getMissing().keySet().forEach(status -> breaks.add("response " + status + " was removed"));
      operation.getApiResponses().getChanged().forEach((status, response) ->
          breaks.content(response.getContent(), "response " + status));
    }
    if (breaks.lines.isEmpty() && incompatible(operation)) {
      breaks.add("changed incompatibly (see openapi-diff's report below)");
    }
    return List.copyOf(breaks.lines);
  }

  private void parameters(ChangedParameters parameters) {
    if (parameters == null) {
      return;
    }
    for (Parameter added : parameters.getIncreased()) {
      if (Boolean.TRUE.equals(added.getRequired())) {
        add("new required parameter " + added.getName() + " in " + added.getIn());
      }
    }
    parameters.getMissing().forEach(missing -> add("parameter " + missing.getName() + " in " + missing.getIn() + " was removed"));
    for (ChangedParameter changed : parameters.getChanged()) {
      String where = "parameter " + changed.getName() + " in " + changed.getIn();
      if (changed.isChangeRequired() && Boolean.TRUE.equals(changed.getNewParameter().getRequired())) {
        add(where + " became required");
      }
      if ((changed.isChangeStyle() || changed.isChangeExplode()) && incompatible(changed)) {
        add(where + " changed its style or explode");
      }
      schema(changed.getSchema(), where);
    }
  }

  private void content(ChangedContent content, String where) {
    if (content == null) {
      return;
    }
    content.getMissing().keySet().forEach(type -> add(where + " no longer accepts " + type));
    content.getChanged().forEach((type, media) -> schema(media.getSchema(), where));
  }

  private void schema(ChangedSchema schema, String where) {
    if (schema == null) {
      return;
    }
    if (schema.isChangedType()) {
      add(where + " changed type " + type(schema.getOldSchema()) + " -> " + type(schema.getNewSchema()));
    }
    if (incompatible(schema.getMaxLength())) {
      add(where + " maxLength " + schema.getMaxLength().getOldValue() + " -> " + schema.getMaxLength().getNewValue());
    }
    if (incompatible(schema.getMaxItems())) {
      add(where + " maxItems " + schema.getMaxItems().getOldValue() + " -> " + schema.getMaxItems().getNewValue());
    }
    if (incompatible(schema.getNumericRange())) {
      ChangedNumericRange range = schema.getNumericRange();
      add(where + " range [" + range.getOldMinimumValue() + ", " + range.getOldMaximumValue() + "] -> ["
          + range.getNewMinimumValue() + ", " + range.getNewMaximumValue() + "]");
    }
    if (incompatible(schema.getEnumeration())) {
      add(where + " enum lost " + schema.getEnumeration().getMissing());
    }
    if (incompatible(schema.getPattern())) {
      add(where + " pattern changed");
    }
    if (incompatible(schema.getRequired())) {
      add(where + " now requires " + schema.getRequired().getIncreased());
    }
    schema.getMissingProperties().keySet().forEach(field -> add(where + " field " + field + " was removed"));
    for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
      schema(property.getValue(), where + " field " + property.getKey());
    }
    schema(schema.getItems(), where + " items");
  }

  private void add(String line) {
    String full = prefix + line;
    if (!lines.contains(full)) {
      lines.add(full);
    }
  }

  private static boolean incompatible(Changed changed) {
    return changed != null && changed.isChanged().isIncompatible();
  }

  private static String type(Schema<?> schema) {
    return schema == null ? "none" : Objects.toString(schema.getType(), "untyped");
  }
}
