package org.fedbridge.admin.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.api.AdminError;
import org.fedbridge.admin.api.Outcome;
import org.fedbridge.admin.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auth feature's public face: principals, their roles and API tokens. Every change is audited
 * in its own transaction. Token text exists only in the answer to the request that issued it.
 *
 * <p>SECURITY: who can make an admin. While fewer than M admins are active (the bootstrap phase),
 * an admin may create admins directly; after that a principal becomes an admin only through a
 * GRANT_ADMIN proposal approved by M admins, and loses it through REVOKE_ADMIN. Otherwise one admin
 * could mint a second identity and approve twice (threats.md row 12).
 */
@Service
public class Principals {
  /** Name pattern of a principal (also enforced by the table). */
  public static final String NAME = "[a-z0-9][a-z0-9._@-]{0,63}";

  private final PrincipalStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final int requiredApprovals;

  Principals(PrincipalStore store, AuditLog audit, Clock clock, AdminProperties properties) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.requiredApprovals = properties.requiredApprovals();
  }

  /** A token just issued: its text is shown once. */
  public record IssuedToken(String principal, long tokenId, String token) {
    @Override
    public String toString() {
      return "IssuedToken[" + principal + ", " + tokenId + ", <redacted>]";
    }
  }

  /** The active principal owning this unrevoked token. */
  @Transactional(readOnly = true)
  public Optional<AdminPrincipal> authenticate(String token) {
    if (!TokenSecrets.wellFormed(token)) {
      return Optional.empty();
    }
    return store.byTokenHash(TokenSecrets.hash(token));
  }

  @Transactional(readOnly = true)
  public boolean anyPrincipal() {
    return store.count() > 0;
  }

  @Transactional(readOnly = true)
  public long activeAdmins() {
    return store.activeWithRole(Role.ADMIN);
  }

  /** Whether {@code name} is an active principal holding {@code role}. */
  @Transactional(readOnly = true)
  public boolean isActive(String name, Role role) {
    return store.byName(name).filter(r -> r.active() && r.roles().contains(role)).isPresent();
  }

  /** The first admin, from the bootstrap token (only while no principal exists). */
  @Transactional
  public boolean bootstrap(String token, String source) {
    if (store.count() > 0) {
      return false;
    }
    Instant now = clock.instant();
    long id = store.insert("bootstrap", Set.of(Role.ADMIN), now, AuditLog.SYSTEM + "bootstrap");
    store.insertToken(id, TokenSecrets.hash(token), "bootstrap", now);
    audit.record(
        AuditLog.SYSTEM + "bootstrap",
        "principal.bootstrap",
        "principal/bootstrap",
        Map.of("roles", "ADMIN", "tokenSource", source));
    return true;
  }

  /** Creates a principal with its first token. */
  @Transactional
  public Outcome<IssuedToken> create(AdminPrincipal actor, String name, Set<Role> roles) {
    if (name == null || !name.matches(NAME)) {
      return Outcome.refused(AdminError.INVALID_FIELD, "name: must match " + NAME);
    }
    if (roles == null || roles.isEmpty()) {
      return Outcome.refused(AdminError.INVALID_FIELD, "roles: at least one role");
    }
    if (store.byName(name).isPresent()) {
      return Outcome.refused(AdminError.CONFLICT, "principal " + name + " exists");
    }
    // SECURITY: direct admin creation only in the bootstrap phase (see class comment).
    if (roles.contains(Role.ADMIN) && store.activeWithRole(Role.ADMIN) >= requiredApprovals) {
      return Outcome.refused(
          AdminError.CONFLICT,
          "there are already "
              + requiredApprovals
              + " admins: create the principal without ADMIN and propose GRANT_ADMIN");
    }
    Instant now = clock.instant();
    long id = store.insert(name, roles, now, actor.name());
    String token = TokenSecrets.newToken();
    long tokenId = store.insertToken(id, TokenSecrets.hash(token), "initial", now);
    audit.record(
        actor.name(),
        "principal.create",
        "principal/" + name,
        Map.of("roles", PrincipalStore.text(roles), "tokenId", tokenId));
    return Outcome.done(new IssuedToken(name, tokenId, token));
  }

  /** A new token for the caller itself (to rotate its token). */
  @Transactional
  public Outcome<IssuedToken> issueOwnToken(AdminPrincipal self, String label) {
    if (self.source() != AdminPrincipal.Source.API_TOKEN) {
      return Outcome.refused(
          AdminError.CONFLICT, "identity-provider principals have no API tokens here");
    }
    if (label == null || !label.matches("[A-Za-z0-9 ._-]{1,64}")) {
      return Outcome.refused(AdminError.INVALID_FIELD, "label: 1-64 letters, digits, . _ -");
    }
    PrincipalStore.Row row = store.byName(self.name()).orElseThrow();
    String token = TokenSecrets.newToken();
    long tokenId = store.insertToken(row.id(), TokenSecrets.hash(token), label, clock.instant());
    audit.record(
        self.name(), "token.issue", "principal/" + self.name(), Map.of("tokenId", tokenId));
    return Outcome.done(new IssuedToken(self.name(), tokenId, token));
  }

  /**
   * Revokes a token: anyone their own; an admin also a non-admin's. An admin's token is revoked by
   * its owner, or with the admin role by a REVOKE_ADMIN proposal.
   */
  @Transactional
  public Outcome<Void> revokeToken(AdminPrincipal actor, long tokenId) {
    Optional<PrincipalStore.TokenRow> token = store.token(tokenId);
    if (token.isEmpty()) {
      return Outcome.refused(AdminError.NOT_FOUND, "no token " + tokenId);
    }
    PrincipalStore.Row owner =
        store.all().stream()
            .filter(r -> r.id() == token.get().principalId())
            .findFirst()
            .orElseThrow();
    boolean own = owner.name().equals(actor.name());
    if (!own && !actor.has(Role.ADMIN)) {
      return Outcome.refused(AdminError.FORBIDDEN, "you may revoke only your own tokens");
    }
    if (!own && owner.roles().contains(Role.ADMIN)) {
      return Outcome.refused(
          AdminError.CONFLICT, "an admin's token is revoked by its owner or by REVOKE_ADMIN");
    }
    if (!store.revokeToken(tokenId, clock.instant(), actor.name())) {
      return Outcome.refused(AdminError.CONFLICT, "token " + tokenId + " is already revoked");
    }
    audit.record(
        actor.name(), "token.revoke", "principal/" + owner.name(), Map.of("tokenId", tokenId));
    return Outcome.done(null);
  }

  /** Disables a non-admin principal and with it all its tokens. */
  @Transactional
  public Outcome<Void> disable(AdminPrincipal actor, String name) {
    Optional<PrincipalStore.Row> row = store.byName(name);
    if (row.isEmpty()) {
      return Outcome.refused(AdminError.NOT_FOUND, "no principal " + name);
    }
    if (!row.get().active()) {
      return Outcome.refused(AdminError.CONFLICT, name + " is already disabled");
    }
    if (row.get().roles().contains(Role.ADMIN)) {
      return Outcome.refused(AdminError.CONFLICT, "an admin is removed by a REVOKE_ADMIN proposal");
    }
    store.disable(row.get().id(), clock.instant(), actor.name());
    audit.record(actor.name(), "principal.disable", "principal/" + name, Map.of());
    return Outcome.done(null);
  }

  /** Whether a GRANT_ADMIN for {@code name} can be proposed: an active non-admin principal. */
  @Transactional(readOnly = true)
  public Outcome<Void> canGrantAdmin(String name) {
    Optional<PrincipalStore.Row> row = store.byName(name);
    if (row.isEmpty() || !row.get().active()) {
      return Outcome.refused(AdminError.NOT_FOUND, "no active principal " + name);
    }
    if (row.get().roles().contains(Role.ADMIN)) {
      return Outcome.refused(AdminError.CONFLICT, name + " is already an admin");
    }
    return Outcome.done(null);
  }

  /** Whether a REVOKE_ADMIN for {@code name} can be proposed: an active admin, not the last M. */
  @Transactional(readOnly = true)
  public Outcome<Void> canRevokeAdmin(String name) {
    Optional<PrincipalStore.Row> row = store.byName(name);
    if (row.isEmpty() || !row.get().active() || !row.get().roles().contains(Role.ADMIN)) {
      return Outcome.refused(AdminError.NOT_FOUND, "no active admin " + name);
    }
    if (store.activeWithRole(Role.ADMIN) <= requiredApprovals) {
      return Outcome.refused(
          AdminError.POLICY_VIOLATION,
          "only "
              + store.activeWithRole(Role.ADMIN)
              + " admins are active: removing one would leave fewer than M = "
              + requiredApprovals);
    }
    return Outcome.done(null);
  }

  /** Executes an approved GRANT_ADMIN (called by the proposals feature in its transaction). */
  @Transactional
  public void grantAdmin(String name, String by) {
    PrincipalStore.Row row = store.byName(name).orElseThrow();
    Set<Role> roles = new java.util.HashSet<>(row.roles());
    roles.add(Role.ADMIN);
    store.setRoles(row.id(), roles);
    audit.record(by, "principal.grant-admin", "principal/" + name, Map.of());
  }

  /** Executes an approved REVOKE_ADMIN: the principal and every token of it stop working. */
  @Transactional
  public void revokeAdmin(String name, String by) {
    PrincipalStore.Row row = store.byName(name).orElseThrow();
    Instant now = clock.instant();
    store.disable(row.id(), now, by);
    audit.record(by, "principal.revoke-admin", "principal/" + name, Map.of());
  }

  /** Every principal with its tokens (never their text). */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> list() {
    return store.all().stream()
        .map(
            r -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("name", r.name());
              m.put("roles", r.roles());
              m.put("createdAt", r.createdAt().toString());
              m.put("createdBy", r.createdBy());
              m.put("disabled", !r.active());
              m.put(
                  "tokens",
                  store.tokensOf(r.id()).stream()
                      .map(
                          t -> {
                            Map<String, Object> tm = new LinkedHashMap<>();
                            tm.put("id", t.id());
                            tm.put("label", t.label());
                            tm.put("createdAt", t.createdAt().toString());
                            tm.put("revoked", t.revokedAt() != null);
                            return tm;
                          })
                      .toList());
              return m;
            })
        .toList();
  }
}
