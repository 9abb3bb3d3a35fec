package dev.zimclient.cli;

import dev.zimclient.client.error.ZimApiException;
import dev.zimclient.client.error.ZimException;
import dev.zimclient.client.error.ZimInvalidParameterException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import javax.net.ssl.SSLException;

/**
 * Failures said in words: what went wrong and what to check, not the name of a Java class. The
 * class is kept for {@code --verbose}.
 */
final class Failures {
  private Failures() {}

  /** One line for a failure; with {@code verbose}, the exception classes follow in brackets. */
  static String describe(Throwable failure, boolean verbose) {
    String words = words(failure);
    return verbose ? words + " [" + chain(failure) + "]" : words;
  }

  /** The failure in words. */
  static String words(Throwable failure) {
    if (failure instanceof ZimApiException || failure instanceof ZimInvalidParameterException) {
      return failure.getMessage();
    }
    Throwable cause = rootCause(failure);
    String prefix = failure instanceof ZimException zim && zim.action() != null ? zim.action() + ": " : "";
    String what = network(cause);
    if (what != null) {
      return prefix + what;
    }
    if (cause instanceof FileSystemException file) {
      return "cannot read " + file.getFile() + ": " + file(file);
    }
    if (failure instanceof ZimException || cause == failure) {
      return String.valueOf(failure.getMessage());
    }
    return prefix + (cause.getMessage() != null ? cause.getMessage() : failure.getMessage());
  }

  private static String network(Throwable cause) {
    if (cause instanceof UnknownHostException) {
      return "cannot resolve the host " + cause.getMessage() + "; check the network or --endpoint";
    }
    if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
      return "cannot connect to the server (" + cause.getMessage() + "); check the network or --endpoint";
    }
    if (cause instanceof SocketTimeoutException) {
      return "no answer in time (" + cause.getMessage() + "); check the network or --endpoint";
    }
    if (cause instanceof SSLException) {
      return "the secure connection failed (" + cause.getMessage() + "); check --endpoint";
    }
    return null;
  }

  private static String file(FileSystemException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is not a directory";
    }
    return e.getReason() != null ? e.getReason() : "cannot be read";
  }

  /** An I/O failure in words (a file's name is said by the caller). */
  static String words(IOException e) {
    return e instanceof FileSystemException file ? file(file) : String.valueOf(e.getMessage());
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String chain(Throwable failure) {
    StringBuilder text = new StringBuilder(failure.getClass().getName());
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append(" <- ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
    }
    return text.toString();
  }
}
