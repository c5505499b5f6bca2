package org.fedbridge.admin.auth;

import java.util.Set;

/**
 * Who is calling: a principal of the console (API token) or of the identity provider (JWT). Its
 * {@code name} is its identity everywhere: approvals count distinct names, the audit log records
 * it.
 *
 * @param name principal name
 * @param roles the roles granted (before implication)
 * @param source how it authenticated
 * @param tokenId the API token used, or 0 for a JWT
 */
public record AdminPrincipal(String name, Set<Role> roles, Source source, long tokenId) {
  public AdminPrincipal {
    roles = Set.copyOf(roles);
  }

  /** How a principal authenticated. */
  public enum Source {
    API_TOKEN,
    JWT
  }

  public boolean has(Role role) {
    return Role.expand(roles).contains(role);
  }
}
