package org.fedbridge.validator.access;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operator token of the {@link OperatorOnly} endpoints ({@code
 * bridge.validator.operator-api.*}): at most one source. With none, those endpoints refuse every
 * call (the safe default).
 *
 * @param tokenFile a file holding the token (one trailing newline ignored)
 * @param tokenEnv the name of an environment variable holding the token
 * @param tokenSha256 the token's SHA-256 as 64 hex digits, for operators who keep only the hash
 */
@Validated
@ConfigurationProperties("bridge.validator.operator-api")
public record OperatorApiSettings(
    Path tokenFile, String tokenEnv, @Pattern(regexp = "(0x)?[0-9a-fA-F]{64}") String tokenSha256) {

  @AssertTrue(message = "set at most one of token-file, token-env and token-sha256")
  boolean isAtMostOneSource() {
    int sources = 0;
    sources += tokenFile != null ? 1 : 0;
    sources += tokenEnv != null && !tokenEnv.isBlank() ? 1 : 0;
    sources += tokenSha256 != null ? 1 : 0;
    return sources <= 1;
  }
}
