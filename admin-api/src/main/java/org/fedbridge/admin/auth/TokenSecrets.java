package org.fedbridge.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API token text and its stored form. A token is {@code fba_} and 32 random bytes in base64url (256
 * bits), so SHA-256 is enough to store it: nothing short of the token itself finds a preimage,
 * unlike a password, which needs a slow hash.
 */
final class TokenSecrets {
  static final String PREFIX = "fba_";
  static final int MIN_LENGTH = 32;
  static final int MAX_LENGTH = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** What any presented or bootstrap token must look like: 32-512 printable ASCII, no spaces. */
  static boolean wellFormed(String token) {
    return token != null
        && token.length() >= MIN_LENGTH
        && token.length() <= MAX_LENGTH
        && token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }
}
