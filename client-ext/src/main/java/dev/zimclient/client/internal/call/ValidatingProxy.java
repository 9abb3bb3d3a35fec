package dev.zimclient.client.internal.call;

import dev.zimclient.client.internal.validation.ArgumentValidator;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a generated interface's implementation so that every call's arguments are checked before
 * anything else sees them: Retrofit itself refuses a null body with a plain exception while it
 * builds the request, and a bad argument must fail the same typed way whatever it is. Default
 * methods (the paging ones) run on the wrapper, so the calls they make are checked too. A call refused
 * here never starts: its listeners hear nothing of it.
 */
public final class ValidatingProxy implements InvocationHandler {
  private final Object target;
  private final ConcurrentHashMap<Method, ArgumentValidator> validators = new ConcurrentHashMap<>();

  private ValidatingProxy(Object target) {
    this.target = target;
  }

  /** {@code target}, seen through {@code api}, with its arguments checked first. */
  public static <T> T wrap(Class<T> api, T target) {
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, new ValidatingProxy(target)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    if (method.getDeclaringClass() != Object.class) {
      validators.computeIfAbsent(method, ArgumentValidator::of).validate(args == null ? new Object[0] : args);
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
