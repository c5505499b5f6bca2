package org.fedbridge.service;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns whatever stopped a service from starting into one line an operator can act on: which
 * setting is invalid, or which dependency is unreachable. Rejected values are never printed, since
 * a setting may be a secret.
 */
public final class StartupFailure {
  private StartupFailure() {}

  public static String describe(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    for (Throwable t : chain) {
      if (t instanceof ServiceLauncher.MissingSettingException missing) {
        return missing.getMessage();
      }
      if (t instanceof BindValidationException invalid) {
        return invalidSettings(invalid);
      }
    }
    for (Throwable t : chain) {
      if (t instanceof BindException bind) {
        return "invalid setting " + bind.getName() + ": " + rootMessage(bind);
      }
      if (t instanceof PortInUseException port) {
        return "port " + port.getPort() + " is already in use";
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SQLException sql
          && (sql.getSQLState() == null || sql.getSQLState().startsWith("08"))) {
        return "database unreachable: " + oneLine(sql.getMessage());
      }
      if (t instanceof SQLException sql) {
        return "database error: " + oneLine(sql.getMessage());
      }
    }
    for (Throwable t : chain) {
      if (t instanceof ConnectException) {
        return "connection refused: " + oneLine(t.getMessage());
      }
    }
    return rootMessage(failure);
  }

  private static String invalidSettings(BindValidationException invalid) {
    String prefix = invalid.getValidationErrors().getName().toString();
    List<String> problems = new ArrayList<>();
    for (ObjectError error : invalid.getValidationErrors().getAllErrors()) {
      String where =
          error instanceof FieldError field ? prefix + "." + kebab(field.getField()) : prefix;
      problems.add(where + ": " + error.getDefaultMessage());
    }
    return "invalid setting " + String.join("; ", problems);
  }

  /** {@code l1.rpcUrl} becomes {@code l1.rpc-url}, the form operators write. */
  static String kebab(String field) {
    return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : oneLine(message);
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
