package org.fedbridge.admin.governance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.core.types.Hex;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The governance key validators must be configured with, and the records published. */
@RestController
@Tag(name = "governance", description = "Records published on bridge.governance")
class GovernanceController {
  private final GovernanceKey key;
  private final GovernanceLog log;

  GovernanceController(GovernanceKey key, GovernanceLog log) {
    this.key = key;
    this.log = log;
  }

  @GetMapping("/api/governance")
  @Operation(summary = "The governance public key and the latest records (VIEWER)")
  Map<String, Object> governance() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("governanceKey", Hex.encode(key.publicKey().compressed()));
    out.put(
        "records",
        log.recent(50).stream()
            .map(
                e -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("sequence", e.sequence());
                  m.put("proposalId", e.proposalId());
                  m.put("action", e.action());
                  m.put("sentAt", e.sentAt() == null ? null : e.sentAt().toString());
                  m.put("record", Hex.encode(e.record()));
                  return m;
                })
            .toList());
    return out;
  }
}
