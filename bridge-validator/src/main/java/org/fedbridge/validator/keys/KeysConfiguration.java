package org.fedbridge.validator.keys;

import java.util.Optional;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.types.Result;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Opens the key directory at start-up: the password from its source and the identity keystores
 * ({@code identity.json}, which must exist, and {@code identity-next.json} during an identity
 * rotation). A validator without its identity key does not start.
 */
@Configuration(proxyBeanMethods = false)
public class KeysConfiguration {

  @Bean
  KeyDirectory keyDirectory(KeysSettings settings) {
    Result<Password> password = settings.password(System.getenv());
    if (!password.isOk()) {
      throw new IllegalStateException(
          "bridge.validator.keys: " + ((Result.Err<Password>) password).detail());
    }
    return settings.open(password.orThrow());
  }

  @Bean(destroyMethod = "close")
  Identities identities(KeyDirectory keys, Environment environment) {
    Result<Identities> opened = Identities.open(keys);
    if (!opened.isOk()) {
      throw new IllegalStateException(((Result.Err<Identities>) opened).detail());
    }
    Identities ids = opened.orThrow();
    String configured = environment.getProperty("bridge.validator.operator-id");
    if (configured != null && !configured.equals(ids.current().operatorId())) {
      ids.close();
      throw new IllegalStateException(
          "bridge.validator.operator-id differs from the operator id in " + keys.identityFile());
    }
    return ids;
  }

  /** The identity in use; {@link Identities} owns (and closes) it. */
  @Bean(destroyMethod = "")
  IdentityKeystore identityKeystore(Identities identities) {
    return identities.current();
  }

  /**
   * Signs each epoch's records with the key that epoch lists for this member, once the federation
   * feature says which ({@link ListedIdentity}); with the identity in use until then.
   */
  @Bean
  IdentitySigner identitySigner(Identities identities, ObjectProvider<ListedIdentity> listed) {
    return identities.signer(
        epoch -> Optional.ofNullable(listed.getIfAvailable()).flatMap(l -> l.of(epoch)));
  }
}
