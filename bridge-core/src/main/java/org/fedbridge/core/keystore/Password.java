package org.fedbridge.core.keystore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * A keystore password, processed per EIP-2335 "Password requirements": NFKD-normalised, C0/C1
 * control codes and DEL removed, UTF-8. Never prints itself; {@link #close()} zeroes the bytes.
 */
public final class Password implements AutoCloseable {
  private final byte[] bytes;

  private Password(byte[] bytes) {
    this.bytes = bytes;
  }

  /** From a string (the caller's copy cannot be wiped: prefer the env/file helpers). */
  public static Password of(String raw) {
    String nfkd = Normalizer.normalize(raw, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(nfkd.length());
    nfkd.codePoints()
        .filter(c -> !(c <= 0x1f || (c >= 0x7f && c <= 0x9f)))
        .forEach(sb::appendCodePoint);
    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
    sb.setLength(0);
    return new Password(b);
  }

  /**
   * From an environment variable; pass {@code System.getenv()} (injected so tests need not touch
   * the real environment).
   */
  public static Result<Password> fromEnv(String variable, Map<String, String> env) {
    String v = env.get(variable);
    if (v == null || v.isEmpty()) {
      return Result.err(Rejection.MALFORMED, "environment variable " + variable + " is not set");
    }
    return Result.ok(of(v));
  }

  /** From a file's content, with one trailing newline (LF or CRLF) removed. */
  public static Result<Password> fromFile(Path file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "cannot read password file " + file + ": " + e);
    }
    String s = new String(raw, StandardCharsets.UTF_8);
    Arrays.fill(raw, (byte) 0);
    if (s.endsWith("\r\n")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty()) {
      return Result.err(Rejection.MALFORMED, "password file " + file + " is empty");
    }
    return Result.ok(of(s));
  }

  byte[] bytes() {
    return bytes;
  }

  @Override
  public void close() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public String toString() {
    return "Password(<redacted>)";
  }
}
