package org.fedbridge.admin.tokens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tokens and limits in force (VIEWER); changes are TOKEN_CONFIG proposals. */
@RestController
@Tag(name = "tokens", description = "Token registry and limits on L1 and the sidechain")
class TokenController {
  private final TokenView tokens;

  TokenController(TokenView tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/api/tokens")
  @Operation(summary = "Every known token with its L1 limits and its sidechain token")
  List<Map<String, Object>> tokens() {
    return tokens.tokens();
  }
}
