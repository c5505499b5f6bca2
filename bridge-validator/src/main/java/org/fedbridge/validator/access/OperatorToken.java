package org.fedbridge.validator.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The operator token, kept only as its SHA-256: the plaintext read from a file or the environment
 * is hashed at start-up and dropped. A presented token is hashed and compared in constant time.
 */
final class OperatorToken {
  /** Shorter tokens are refused at start-up: the token must not be guessable. */
  static final int MIN_LENGTH = 32;

  private final Optional<byte[]> sha256;

  private OperatorToken(Optional<byte[]> sha256) {
    this.sha256 = sha256;
  }

  static OperatorToken from(OperatorApiSettings s, Map<String, String> env) {
    if (s.tokenSha256() != null) {
      String hex =
          s.tokenSha256().startsWith("0x") ? s.tokenSha256().substring(2) : s.tokenSha256();
      return new OperatorToken(Optional.of(HexFormat.of().parseHex(hex)));
    }
    String plain = null;
    if (s.tokenFile() != null) {
      try {
        plain = Files.readString(s.tokenFile(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot read bridge.validator.operator-api.token-file " + s.tokenFile(), e);
      }
      if (plain.endsWith("\n")) {
        plain = plain.substring(0, plain.length() - 1);
      }
    } else if (s.tokenEnv() != null && !s.tokenEnv().isBlank()) {
      plain = env.get(s.tokenEnv());
      if (plain == null) {
        throw new IllegalStateException(
            "bridge.validator.operator-api.token-env names " + s.tokenEnv() + ", which is not set");
      }
    }
    if (plain == null) {
      return new OperatorToken(Optional.empty());
    }
    if (plain.strip().length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "the operator token must be at least " + MIN_LENGTH + " characters");
    }
    return new OperatorToken(Optional.of(hash(plain)));
  }

  boolean configured() {
    return sha256.isPresent();
  }

  /** Whether {@code presented} is the token. */
  boolean matches(String presented) {
    return sha256.isPresent() && MessageDigest.isEqual(sha256.get(), hash(presented));
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "OperatorToken[" + (configured() ? "configured" : "none") + "]";
  }
}
