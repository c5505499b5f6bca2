package org.fedbridge.core.types;

import java.util.regex.Pattern;

/**
 * The rule for operator identities: 1 to 64 characters of lowercase ASCII letters, digits and
 * {@code -}, starting with a letter or digit. SECURITY: threats.md row 8 counts shares per
 * operator; with a plain ASCII alphabet no confusable, invisible or differently-cased spelling can
 * make one operator look like two (issue 9 item 15).
 */
public final class OperatorId {
  /** Longest operator id accepted. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private OperatorId() {}

  /** Whether {@code id} follows the rule. */
  public static boolean isValid(String id) {
    return id != null && id.length() <= MAX_LENGTH && RULE.matcher(id).matches();
  }

  /** The id, or {@link Rejection#MALFORMED} naming the rule (the value is printed escaped). */
  public static Result<String> check(String id) {
    if (isValid(id)) {
      return Result.ok(id);
    }
    return Result.err(
        Rejection.MALFORMED,
        "operator id "
            + printable(id)
            + " must be 1-"
            + MAX_LENGTH
            + " characters of a-z, 0-9 and '-', starting with a letter or digit");
  }

  /** Quotes an untrusted id with every non-printable-ASCII character escaped as \\uXXXX. */
  static String printable(String id) {
    if (id == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("\"");
    id.chars()
        .limit(MAX_LENGTH + 1L)
        .forEach(
            c ->
                sb.append(
                    c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
    if (id.length() > MAX_LENGTH + 1) {
      sb.append("…");
    }
    return sb.append('"').toString();
  }
}
