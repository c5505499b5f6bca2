package org.fedbridge.admin.auth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.fedbridge.admin.AdminProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The optional OIDC/JWT mode: a bearer token that is not one of the console's API tokens is checked
 * as a JWT of the configured issuer (signature from its JWK set, expiry, issuer, audience). Its
 * principal is {@code oidc:<principal claim>} (so it can never be mistaken for an API-token
 * principal) and its roles come from the roles claim; a token with no known role gets none.
 */
final class JwtAuthenticator {
  private static final Logger log = LoggerFactory.getLogger(JwtAuthenticator.class);
  private final JwtDecoder decoder;
  private final AdminProperties.Jwt settings;

  JwtAuthenticator(AdminProperties.Jwt settings) {
    this.settings = settings;
    // Resolved on first use, so an identity provider that is down does not stop the console.
    this.decoder = new SupplierJwtDecoder(this::build);
  }

  private JwtDecoder build() {
    NimbusJwtDecoder nimbus =
        settings.jwkSetUri().isBlank()
            ? (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(settings.issuerUri())
            : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(
        settings.issuerUri().isBlank()
            ? JwtValidators.createDefault()
            : JwtValidators.createDefaultWithIssuer(settings.issuerUri()));
    if (!settings.audience().isBlank()) {
      validators.add(
          jwt ->
              jwt.getAudience() != null && jwt.getAudience().contains(settings.audience())
                  ? OAuth2TokenValidatorResult.success()
                  : OAuth2TokenValidatorResult.failure(
                      new OAuth2Error("invalid_token", "wrong audience", null)));
    }
    nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return nimbus;
  }

  /** Looks like a JWS compact serialisation (three base64url parts). */
  static boolean looksLikeJwt(String token) {
    return token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  }

  Optional<AdminPrincipal> authenticate(String token) {
    Jwt jwt;
    try {
      jwt = decoder.decode(token);
    } catch (JwtException e) {
      log.debug("JWT refused: {}", e.getMessage());
      return Optional.empty();
    }
    String subject = jwt.getClaimAsString(settings.principalClaim());
    if (subject == null) {
      return Optional.empty();
    }
    String name = "oidc:" + subject.toLowerCase(Locale.ROOT);
    if (!name.matches("oidc:[a-z0-9][a-z0-9._@-]{0,122}")) {
      return Optional.empty();
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> claimed = jwt.getClaimAsStringList(settings.rolesClaim());
    if (claimed != null) {
      claimed.forEach(r -> Role.parse(r).ifPresent(roles::add));
    }
    return Optional.of(new AdminPrincipal(name, roles, AdminPrincipal.Source.JWT, 0));
  }
}
