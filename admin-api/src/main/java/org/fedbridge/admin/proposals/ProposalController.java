package org.fedbridge.admin.proposals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.fedbridge.admin.api.AdminError;
import org.fedbridge.admin.api.AdminException;
import org.fedbridge.admin.auth.AdminPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Proposals: read (VIEWER), make, approve, cancel (ADMIN). */
@RestController
@RequestMapping("/api/proposals")
@Tag(name = "proposals", description = "M-of-N approvals, timelock, cancel")
class ProposalController {
  private final Proposals proposals;

  ProposalController(Proposals proposals) {
    this.proposals = proposals;
  }

  record Cancel(@Size(max = 500) String reason) {}

  @GetMapping
  @Operation(summary = "Proposals, newest first")
  List<ProposalView> list(
      @RequestParam(required = false)
          @Pattern(regexp = "PENDING|APPROVED|PUBLISHED|EXECUTED|CANCELLED|EXPIRED|FAILED")
          String state,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return proposals.list(Optional.ofNullable(state), limit);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One proposal")
  ProposalView get(@PathVariable long id) {
    return proposals
        .get(id)
        .orElseThrow(() -> new AdminException(AdminError.NOT_FOUND, "no proposal " + id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Propose a change; refused with a problem detail unless it passes the federation policy")
  ProposalView create(
      @AuthenticationPrincipal AdminPrincipal me, @Valid @RequestBody ProposalRequest request) {
    return proposals.create(me, request).orThrow();
  }

  @PostMapping("/{id}/approve")
  @Operation(summary = "Approve (once per admin; the M-th approval starts the timelock)")
  ProposalView approve(@AuthenticationPrincipal AdminPrincipal me, @PathVariable long id) {
    return proposals.approve(me, id).orThrow();
  }

  @PostMapping("/{id}/cancel")
  @Operation(summary = "Cancel before it is carried out (any admin)")
  ProposalView cancel(
      @AuthenticationPrincipal AdminPrincipal me,
      @PathVariable long id,
      @Valid @RequestBody(required = false) Cancel body) {
    return proposals.cancel(me, id, body == null ? null : body.reason()).orThrow();
  }
}
