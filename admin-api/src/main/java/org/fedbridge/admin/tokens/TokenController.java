package org.fedbridge.admin.tokens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.fedbridge.admin.federation.TokenConfigProgress;
import org.fedbridge.admin.federation.TokenConfigTracker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tokens and limits in force (VIEWER); changes are TOKEN_CONFIG proposals. */
@RestController
@Tag(name = "tokens", description = "Token registry and limits on L1 and the sidechain")
class TokenController {
  private final TokenView tokens;
  private final TokenConfigTracker configs;

  TokenController(TokenView tokens, TokenConfigTracker configs) {
    this.tokens = tokens;
    this.configs = configs;
  }

  @GetMapping("/api/tokens")
  @Operation(summary = "Every known token with its L1 limits and its sidechain token")
  List<Map<String, Object>> tokens() {
    return tokens.tokens();
  }

  @GetMapping("/api/tokens/configs")
  @Operation(
      summary = "Each published token configuration's progress on L1 and on the sidechain",
      description =
          "Newest governance nonce first. l1: WAITING_NONCE, WAITING_CERTIFICATE, SUBMITTED,"
              + " QUEUED (until l1Detail's time; pausers may cancel), EXECUTED, APPLIED (a"
              + " tightening, at once), CANCELLED, LOST (its nonce went to something else)."
              + " sidechain: WAITING (sidechainDetail says why: a new token is registered as soon"
              + " as it is certified, a change to a known token once L1 applied it), SUBMITTED,"
              + " APPLIED, SUPERSEDED (a later config of the token is in force), NOT_APPLICABLE"
              + " (ETH, or a deregistration of a token the sidechain never had), SKIPPED (never"
              + " applied on L1).")
  List<TokenConfigProgress> configs() {
    return configs.progress();
  }
}
