package org.fedbridge.devnet;

/** A problem that stops the devnet, with a message meant for the person who started it. */
final class DevnetException extends RuntimeException {
  DevnetException(String message) {
    super(message);
  }

  DevnetException(String message, Throwable cause) {
    super(message, cause);
  }
}
