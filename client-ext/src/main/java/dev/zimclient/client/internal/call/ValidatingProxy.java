package dev.zimclient.client.internal.call;

import dev.zimclient.client.error.ZimInvalidParameterException;
import dev.zimclient.client.internal.validation.ArgumentValidator;
import dev.zimclient.generated.ZimAction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a generated interface's implementation so that every call's arguments are checked before
 * anything else sees them: Retrofit itself refuses a null body with a plain exception while it
 * builds the request, and a bad argument must fail the same typed way whatever it is. Default
 * methods (the paging ones) run on the wrapper, so the calls they make are checked too. The call's
 * listeners hear of a refused call: it starts and ends here, after no attempt.
 */
public final class ValidatingProxy implements InvocationHandler {
  private final Object target;
  private final CallListeners listeners;
  private final ConcurrentHashMap<Method, ArgumentValidator> validators = new ConcurrentHashMap<>();

  private ValidatingProxy(Object target, CallListeners listeners) {
    this.target = target;
    this.listeners = listeners;
  }

  /** {@code target}, seen through {@code api}, with its arguments checked first. */
  public static <T> T wrap(Class<T> api, T target, CallRuntime runtime) {
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
        new ValidatingProxy(target, runtime.listeners)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    if (method.getDeclaringClass() != Object.class) {
      try {
        validators.computeIfAbsent(method, ArgumentValidator::of).validate(args == null ? new Object[0] : args);
      } catch (ZimInvalidParameterException e) {
        ZimAction action = method.getAnnotation(ZimAction.class);
        if (action != null) {
          boolean async = method.getReturnType() == CompletableFuture.class;
          listeners.start(action.value(), action.idempotent(), async).callEnd(e);
        }
        throw e;
      }
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
