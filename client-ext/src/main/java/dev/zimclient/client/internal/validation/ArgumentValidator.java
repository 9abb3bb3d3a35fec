package dev.zimclient.client.internal.validation;

import dev.zimclient.generated.ZimParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/** Checks a generated method's arguments against the spec's constraints before anything is sent. */
public final class ArgumentValidator {
  private final ParameterRule[] rules;

  private ArgumentValidator(ParameterRule[] rules) {
    this.rules = rules;
  }

  public static ArgumentValidator of(Method method) {
    Annotation[][] annotations = method.getParameterAnnotations();
    ParameterRule[] rules = new ParameterRule[annotations.length];
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof ZimParam param) {
          rules[i] = new ParameterRule(param);
        }
      }
    }
    return new ArgumentValidator(rules);
  }

  public void validate(Object[] arguments) {
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] != null) {
        rules[i].check(rules[i].name(), arguments[i]);
      }
    }
  }
}
