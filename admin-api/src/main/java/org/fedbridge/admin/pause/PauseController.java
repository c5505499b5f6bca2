package org.fedbridge.admin.pause;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.fedbridge.admin.chain.L1Transactions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Pause status (VIEWER) and pause (PAUSER). Unpause is a proposal. */
@RestController
@Tag(name = "pause", description = "Pause the vault at once with the pauser key")
class PauseController {
  private final VaultPause pause;

  PauseController(VaultPause pause) {
    this.pause = pause;
  }

  /**
   * @param confirm must be the word PAUSE: a pause stops every deposit, root and claim
   * @param reason why, for the audit log and the other admins
   */
  record PauseRequest(
      @NotBlank @Pattern(regexp = "PAUSE", message = "must be the word PAUSE") String confirm,
      @NotBlank @Size(max = 500) String reason) {}

  @GetMapping("/api/pause")
  @Operation(summary = "Whether the vault is paused, and the pauser key's state")
  Map<String, Object> status() {
    return pause.status();
  }

  @PostMapping("/api/pause")
  @Operation(summary = "Pause the vault now (PAUSER); unpause needs a proposal and the federation")
  L1Transactions.Sent pause(
      @AuthenticationPrincipal AdminPrincipal me, @Valid @RequestBody PauseRequest request) {
    return pause.pause(me.name(), request.reason()).orThrow();
  }
}
