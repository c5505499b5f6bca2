package org.fedbridge.admin.federation;

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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The federation view (VIEWER), and giving up a rotation that cannot finish (ADMIN). */
@RestController
@RequestMapping("/api/federation")
@Tag(name = "federation", description = "Members, their health, epochs and certificates")
class FederationController {
  private final FederationView view;
  private final RotationTracker rotation;

  FederationController(FederationView view, RotationTracker rotation) {
    this.view = view;
    this.rotation = rotation;
  }

  @GetMapping("/rotation")
  @Operation(summary = "The rotation in progress (or the last one), step by step, and why it waits")
  Map<String, Object> rotation() {
    return rotation.progress();
  }

  /**
   * @param confirm must be the word ABANDON
   * @param reason why, for the audit log and the other admins
   */
  record AbandonRequest(
      @NotBlank @Pattern(regexp = "ABANDON", message = "must be the word ABANDON") String confirm,
      @NotBlank @Size(max = 500) String reason) {}

  @PostMapping("/rotation/abandon")
  @Operation(
      summary =
          "Give up the rotation in progress (ADMIN), e.g. when a named member never runs its DKG;"
              + " refused once the hand-over is certified")
  Map<String, Object> abandon(
      @AuthenticationPrincipal AdminPrincipal me, @Valid @RequestBody AbandonRequest request) {
    return rotation.abandon(me.name(), request.reason()).orThrow();
  }

  @GetMapping
  @Operation(summary = "The current and planned epochs with each member's health")
  Map<String, Object> summary() {
    return view.summary();
  }

  @GetMapping("/epochs")
  @Operation(summary = "Every epoch the console knows, newest first")
  List<EpochView> epochs() {
    return view.epochs();
  }

  @GetMapping("/certificates")
  @Operation(summary = "Recent certificates and who did not sign them")
  List<Map<String, Object>> certificates(
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return view.certificates(limit);
  }
}
