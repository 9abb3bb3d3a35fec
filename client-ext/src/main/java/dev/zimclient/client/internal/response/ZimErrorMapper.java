package dev.zimclient.client.internal.response;

import dev.zimclient.client.error.ZimApiError;
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
import dev.zimclient.generated.ZimReturnCode;
import dev.zimclient.generated.ZimReturnCode.Category;
import dev.zimclient.generated.ZimReturnCode.RetryClass;

/**
 * The mapping policy from a return code to an exception: the catalogue (generated from the spec)
 * says what a code means; this class decides which exception type and whether to retry.
 */
final class ZimErrorMapper {
  private ZimErrorMapper() {}

  /**
   * Makes the exception for a non-zero code.
   *
   * @param clockSkewRetryAllowed whether a clock-skew code may still be retried in this call
   */
  static ZimApiException toException(ZimApiError error, boolean clockSkewRetryAllowed) {
    ZimReturnCode known = ZimReturnCode.of(error.code()).orElse(null);
    if (known == null) {
      return new ZimApiException(error, false);
    }
    boolean retryable = isRetryable(known.retryClass(), clockSkewRetryAllowed);
    return create(known.category(), error, retryable);
  }

  private static boolean isRetryable(RetryClass retryClass, boolean clockSkewRetryAllowed) {
    switch (retryClass) {
      case RETRYABLE:
      case THROTTLED:
        return true;
      case CLOCK_SKEW:
        return clockSkewRetryAllowed;
      default:
        return false;
    }
  }

  private static ZimApiException create(Category category, ZimApiError error, boolean retryable) {
    switch (category) {
      case NOT_FOUND:
        return new ZimNotFoundException(error, retryable);
      case THROTTLED:
        return new ZimThrottledException(error, retryable);
      case AUTHENTICATION:
        return new ZimAuthenticationException(error, retryable);
      case INVALID_ARGUMENT:
        return new ZimInvalidArgumentException(error, retryable);
      case SERVER_ERROR:
        return new ZimServerErrorException(error, retryable);
      case CONFLICT:
        return new ZimConflictException(error, retryable);
      case CONFIGURATION:
        return new ZimConfigurationException(error, retryable);
      case PERMISSION_DENIED:
        return new ZimPermissionDeniedException(error, retryable);
      case LIMIT_EXCEEDED:
        return new ZimLimitExceededException(error, retryable);
      default:
        return new ZimApiException(error, retryable);
    }
  }
}
