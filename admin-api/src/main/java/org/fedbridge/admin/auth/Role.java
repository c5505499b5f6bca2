package org.fedbridge.admin.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a principal may do. ADMIN implies OPERATOR implies VIEWER; PAUSER implies VIEWER. PAUSER is
 * deliberately not implied by ADMIN: pausing is an emergency power given to named people.
 */
public enum Role {
  /** Reads everything except the audit log's entries. */
  VIEWER,
  /** Also reads the audit log and runs reconciliation on demand. */
  OPERATOR,
  /** Also pauses the vault and revokes a root with the pauser key. */
  PAUSER,
  /** Also proposes, approves and cancels, and manages principals. */
  ADMIN;

  /** This role and every role it implies. */
  public Set<Role> implied() {
    return switch (this) {
      case VIEWER -> EnumSet.of(VIEWER);
      case OPERATOR -> EnumSet.of(OPERATOR, VIEWER);
      case PAUSER -> EnumSet.of(PAUSER, VIEWER);
      case ADMIN -> EnumSet.of(ADMIN, OPERATOR, VIEWER);
    };
  }

  /** Spring Security's authority name. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** Parses {@code admin}, {@code ADMIN} or {@code ROLE_ADMIN}; empty for anything else. */
  public static Optional<Role> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String n = s.trim().toUpperCase(Locale.ROOT);
    if (n.startsWith("ROLE_")) {
      n = n.substring(5);
    }
    for (Role r : values()) {
      if (r.name().equals(n)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Every role the given ones grant. */
  public static Set<Role> expand(Set<Role> roles) {
    Set<Role> all = EnumSet.noneOf(Role.class);
    roles.forEach(r -> all.addAll(r.implied()));
    return all;
  }
}
