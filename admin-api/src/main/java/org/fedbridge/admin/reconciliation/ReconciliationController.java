package org.fedbridge.admin.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.chain.L1Transactions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reconciliation (VIEWER reads, OPERATOR runs now) and the watchtower (PAUSER revokes). */
@RestController
@Tag(name = "reconciliation", description = "Supply reconciliation and the root watchtower")
class ReconciliationController {
  private final Reconciliation reconciliation;
  private final Watchtower watchtower;

  ReconciliationController(Reconciliation reconciliation, Watchtower watchtower) {
    this.reconciliation = reconciliation;
    this.watchtower = watchtower;
  }

  record Revocation(
      @NotBlank @Pattern(regexp = "0x[0-9a-fA-F]{64}") String root,
      @NotBlank @Size(max = 500) String reason) {}

  @GetMapping("/api/reconciliation")
  @Operation(summary = "The last round: balances against obligations, open mismatches")
  Map<String, Object> status() {
    return reconciliation.status();
  }

  @PostMapping("/api/reconciliation/run")
  @Operation(summary = "Run a round now (OPERATOR)")
  Map<String, Object> run() {
    return reconciliation.run();
  }

  @GetMapping("/api/watchtower/roots")
  @Operation(summary = "Withdrawal roots posted on L1 and what the watchtower found")
  List<Map<String, Object>> roots(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return reconciliation.roots(limit);
  }

  @PostMapping("/api/watchtower/revocations")
  @Operation(summary = "Revoke a root inside its challenge window with the pauser key (PAUSER)")
  L1Transactions.Sent revoke(
      @AuthenticationPrincipal AdminPrincipal me, @Valid @RequestBody Revocation request) {
    return watchtower.revoke(me.name(), request.root().toLowerCase(), request.reason()).orThrow();
  }
}
