package org.fedbridge.admin.auth;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated principal, with every role it holds or implies as an authority. */
final class AdminAuthentication extends AbstractAuthenticationToken {
  private final AdminPrincipal principal;

  AdminAuthentication(AdminPrincipal principal) {
    super(
        Role.expand(principal.roles()).stream()
            .map(r -> new SimpleGrantedAuthority(r.authority()))
            .toList());
    this.principal = principal;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return ""; // SECURITY: the token is never kept beyond the lookup
  }

  @Override
  public AdminPrincipal getPrincipal() {
    return principal;
  }

  @Override
  public String getName() {
    return principal.name();
  }
}
