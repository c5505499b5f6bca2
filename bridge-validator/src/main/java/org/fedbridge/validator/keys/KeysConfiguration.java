package org.fedbridge.validator.keys;

import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.types.Result;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Opens the key directory at start-up: the password from its source and the identity keystore,
 * which must exist. A validator without its identity key does not start.
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
  IdentityKeystore identityKeystore(KeyDirectory keys, Environment environment) {
    Result<IdentityKeystore> identity = keys.identity();
    if (!identity.isOk()) {
      throw new IllegalStateException(((Result.Err<IdentityKeystore>) identity).detail());
    }
    IdentityKeystore id = identity.orThrow();
    String configured = environment.getProperty("bridge.validator.operator-id");
    if (configured != null && !configured.equals(id.operatorId())) {
      id.close();
      throw new IllegalStateException(
          "bridge.validator.operator-id differs from the operator id in " + keys.identityFile());
    }
    return id;
  }

  @Bean
  IdentitySigner identitySigner(IdentityKeystore identity) {
    return Signers.identity(identity.identity());
  }
}
