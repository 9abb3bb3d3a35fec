package dev.zimclient.simulator.spec;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The constraints of one value, taken from a (fully resolved) OpenAPI schema. Only the keywords
 * the simulator checks are kept; anything else in the schema is accepted as is.
 */
public final class SchemaRule {

  private static final SchemaRule ANY = new Builder().build();

  private final String type;
  private final String format;
  private final Integer minLength;
  private final Integer maxLength;
  private final Pattern pattern;
  private final String patternText;
  private final List<Object> enumValues;
  private final BigDecimal minimum;
  private final boolean exclusiveMinimum;
  private final BigDecimal maximum;
  private final boolean exclusiveMaximum;
  private final Integer minItems;
  private final Integer maxItems;
  private final SchemaRule items;
  private final Map<String, SchemaRule> properties;
  private final Set<String> required;
  private final SchemaRule additionalProperties;
  private final Integer minProperties;
  private final Integer maxProperties;
  private final boolean nullable;
  private final Object defaultValue;

  private SchemaRule(Builder b) {
    this.type = b.type;
    this.format = b.format;
    this.minLength = b.minLength;
    this.maxLength = b.maxLength;
    this.patternText = b.pattern;
    this.pattern = b.pattern == null ? null : Pattern.compile(endOfInput(b.pattern));
    this.enumValues = b.enumValues == null ? List.of() : Collections.unmodifiableList(b.enumValues);
    this.minimum = b.minimum;
    this.exclusiveMinimum = b.exclusiveMinimum;
    this.maximum = b.maximum;
    this.exclusiveMaximum = b.exclusiveMaximum;
    this.minItems = b.minItems;
    this.maxItems = b.maxItems;
    this.items = b.items;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    this.required = Collections.unmodifiableSet(new LinkedHashSet<>(b.required));
    this.additionalProperties = b.additionalProperties;
    this.minProperties = b.minProperties;
    this.maxProperties = b.maxProperties;
    this.nullable = b.nullable;
    this.defaultValue = b.defaultValue;
  }

  /** A rule that accepts every value. */
  public static SchemaRule any() {
    return ANY;
  }

  /** A new builder, for rules not read from a spec. */
  public static Builder builder() {
    return new Builder();
  }

  /** The rule of a resolved schema; {@code null} gives {@link #any()}. */
  public static SchemaRule from(Schema<?> schema) {
    if (schema == null) {
      return ANY;
    }
    Builder b = new Builder();
    b.type = typeOf(schema);
    b.format = schema.getFormat();
    b.minLength = schema.getMinLength();
    b.maxLength = schema.getMaxLength();
    if (schema.getPattern() != null) {
      b.pattern = schema.getPattern();
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      b.enumValues = List.copyOf(schema.getEnum().stream().filter(v -> v != null).toList());
    }
    b.minimum = schema.getMinimum();
    b.exclusiveMinimum = Boolean.TRUE.equals(schema.getExclusiveMinimum());
    if (schema.getExclusiveMinimumValue() != null) {
      b.minimum = schema.getExclusiveMinimumValue();
      b.exclusiveMinimum = true;
    }
    b.maximum = schema.getMaximum();
    b.exclusiveMaximum = Boolean.TRUE.equals(schema.getExclusiveMaximum());
    if (schema.getExclusiveMaximumValue() != null) {
      b.maximum = schema.getExclusiveMaximumValue();
      b.exclusiveMaximum = true;
    }
    b.minItems = schema.getMinItems();
    b.maxItems = schema.getMaxItems();
    if (schema.getItems() != null) {
      b.items = from(schema.getItems());
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, property) -> b.properties.put(name, from(property)));
    }
    if (schema.getRequired() != null) {
      b.required.addAll(schema.getRequired());
    }
    // allOf parts (the envelope and an action's own fields) as one object, should the parser
    // leave them unmerged.
    if (schema.getAllOf() != null) {
      for (Schema<?> part : schema.getAllOf()) {
        SchemaRule merged = from(part);
        merged.properties.forEach(b.properties::putIfAbsent);
        b.required.addAll(merged.required);
        if (b.type == null) {
          b.type = merged.type;
        }
      }
    }
    // A map's values (SetConvMark's SetMarkC2c); a plain true/false says nothing to check.
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      b.additionalProperties = from(values);
    }
    b.minProperties = schema.getMinProperties();
    b.maxProperties = schema.getMaxProperties();
    b.nullable = Boolean.TRUE.equals(schema.getNullable());
    b.defaultValue = schema.getDefault();
    return b.build();
  }

  // OpenAPI 3.0 has one type; 3.1 a set of them, of which the first non-null one is meant here.
  private static String typeOf(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() != null) {
      return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
    }
    if (schema.getItems() != null) {
      return "array";
    }
    return schema.getProperties() != null ? "object" : null;
  }

  /** {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}, {@code object} or null. */
  public String type() {
    return type;
  }

  public String format() {
    return format;
  }

  /** Least length in UTF-8 bytes, or null. */
  public Integer minLength() {
    return minLength;
  }

  /** Greatest length in UTF-8 bytes, or null. */
  public Integer maxLength() {
    return maxLength;
  }

  /**
   * The pattern, searched for in the value as JSON Schema does; a final {@code $} anchors at the
   * end of the value, whereas Java's would also match before a final line break and let
   * {@code "room\n"} through.
   */
  public Pattern pattern() {
    return pattern;
  }

  /** The pattern as the spec writes it, for messages. */
  public String patternText() {
    return patternText;
  }

  private static String endOfInput(String regex) {
    boolean anchored = regex.endsWith("$") && !regex.endsWith("\\$");
    return anchored ? regex.substring(0, regex.length() - 1) + "\\z" : regex;
  }

  public List<Object> enumValues() {
    return enumValues;
  }

  public BigDecimal minimum() {
    return minimum;
  }

  public boolean exclusiveMinimum() {
    return exclusiveMinimum;
  }

  public BigDecimal maximum() {
    return maximum;
  }

  public boolean exclusiveMaximum() {
    return exclusiveMaximum;
  }

  public Integer minItems() {
    return minItems;
  }

  public Integer maxItems() {
    return maxItems;
  }

  /** The rule of each element of an array, or null. */
  public SchemaRule items() {
    return items;
  }

  public Map<String, SchemaRule> properties() {
    return properties;
  }

  public Set<String> required() {
    return required;
  }

  /** The rule of each value of a map-like object whose keys are free, or null. */
  public SchemaRule additionalProperties() {
    return additionalProperties;
  }

  public Integer minProperties() {
    return minProperties;
  }

  public Integer maxProperties() {
    return maxProperties;
  }

  public boolean nullable() {
    return nullable;
  }

  /** The declared {@code default}, or null. */
  public Object defaultValue() {
    return defaultValue;
  }

  @Override
  public String toString() {
    return "SchemaRule[" + (type == null ? "any" : type) + "]";
  }

  /** Builds rules by hand. */
  public static final class Builder {
    private String type;
    private String format;
    private Integer minLength;
    private Integer maxLength;
    private String pattern;
    private List<Object> enumValues;
    private BigDecimal minimum;
    private boolean exclusiveMinimum;
    private BigDecimal maximum;
    private boolean exclusiveMaximum;
    private Integer minItems;
    private Integer maxItems;
    private SchemaRule items;
    private final Map<String, SchemaRule> properties = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private SchemaRule additionalProperties;
    private Integer minProperties;
    private Integer maxProperties;
    private boolean nullable;
    private Object defaultValue;

    private Builder() {}

    public Builder type(String value) {
      this.type = value;
      return this;
    }

    public Builder format(String value) {
      this.format = value;
      return this;
    }

    public Builder minLength(Integer value) {
      this.minLength = value;
      return this;
    }

    public Builder maxLength(Integer value) {
      this.maxLength = value;
      return this;
    }

    public Builder pattern(String regex) {
      this.pattern = regex;
      return this;
    }

    public Builder enumValues(List<?> values) {
      this.enumValues = values == null ? null : List.copyOf(values);
      return this;
    }

    public Builder minimum(BigDecimal value, boolean exclusive) {
      this.minimum = value;
      this.exclusiveMinimum = exclusive;
      return this;
    }

    public Builder maximum(BigDecimal value, boolean exclusive) {
      this.maximum = value;
      this.exclusiveMaximum = exclusive;
      return this;
    }

    public Builder minItems(Integer value) {
      this.minItems = value;
      return this;
    }

    public Builder maxItems(Integer value) {
      this.maxItems = value;
      return this;
    }

    public Builder items(SchemaRule value) {
      this.items = value;
      return this;
    }

    public Builder property(String name, SchemaRule rule, boolean isRequired) {
      properties.put(name, rule);
      if (isRequired) {
        required.add(name);
      }
      return this;
    }

    public Builder additionalProperties(SchemaRule value) {
      this.additionalProperties = value;
      return this;
    }

    public Builder minProperties(Integer value) {
      this.minProperties = value;
      return this;
    }

    public Builder maxProperties(Integer value) {
      this.maxProperties = value;
      return this;
    }

    public Builder nullable(boolean value) {
      this.nullable = value;
      return this;
    }

    public Builder defaultValue(Object value) {
      this.defaultValue = value;
      return this;
    }

    public SchemaRule build() {
      return new SchemaRule(this);
    }
  }
}
