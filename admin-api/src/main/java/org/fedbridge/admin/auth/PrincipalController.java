package org.fedbridge.admin.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedbridge.admin.api.AdminError;
import org.fedbridge.admin.api.AdminException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller itself, and (ADMIN) the console's principals. */
@RestController
@Tag(name = "auth", description = "Principals, roles and API tokens")
class PrincipalController {
  private final Principals principals;

  PrincipalController(Principals principals) {
    this.principals = principals;
  }

  record NewPrincipal(
      @NotBlank @Pattern(regexp = Principals.NAME) String name,
      @NotEmpty @Size(max = 4) List<@NotBlank String> roles) {}

  record NewToken(@NotBlank @Pattern(regexp = "[A-Za-z0-9 ._-]{1,64}") String label) {}

  @GetMapping("/api/me")
  @Operation(summary = "Who you are and what your roles allow (any principal)")
  Map<String, Object> me(@AuthenticationPrincipal AdminPrincipal me) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", me.name());
    out.put("roles", Role.expand(me.roles()).stream().sorted().map(Role::name).toList());
    out.put("source", me.source());
    return out;
  }

  @PostMapping("/api/me/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Issue a new token for yourself; its text is shown only in this answer")
  Principals.IssuedToken newOwnToken(
      @AuthenticationPrincipal AdminPrincipal me, @Valid @RequestBody NewToken body) {
    return principals.issueOwnToken(me, body.label()).orThrow();
  }

  @DeleteMapping("/api/me/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke one of your own tokens")
  void revokeOwnToken(@AuthenticationPrincipal AdminPrincipal me, @PathVariable long id) {
    AdminPrincipal ownOnly = new AdminPrincipal(me.name(), Set.of(), me.source(), me.tokenId());
    principals.revokeToken(ownOnly, id).orThrow();
  }

  @GetMapping("/api/principals")
  @Operation(summary = "Every principal with its roles and tokens (ADMIN)")
  List<Map<String, Object>> list() {
    return principals.list();
  }

  @PostMapping("/api/principals")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Create a principal with its first token (ADMIN); ADMIN itself only while fewer than"
              + " M admins exist, later by a GRANT_ADMIN proposal")
  Principals.IssuedToken create(
      @AuthenticationPrincipal AdminPrincipal me, @Valid @RequestBody NewPrincipal body) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : body.roles()) {
      roles.add(
          Role.parse(r)
              .orElseThrow(
                  () ->
                      new AdminException(
                          AdminError.INVALID_FIELD,
                          "roles: each one of VIEWER, OPERATOR, PAUSER, ADMIN")));
    }
    return principals.create(me, body.name(), roles).orThrow();
  }

  @PostMapping("/api/principals/{name}/disable")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Disable a non-admin principal and all its tokens (ADMIN)")
  void disable(@AuthenticationPrincipal AdminPrincipal me, @PathVariable String name) {
    principals.disable(me, name).orThrow();
  }

  @DeleteMapping("/api/principals/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke a non-admin's token (ADMIN)")
  void revoke(@AuthenticationPrincipal AdminPrincipal me, @PathVariable long id) {
    principals.revokeToken(me, id).orThrow();
  }
}
