package org.fedbridge.admin.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.types.Result;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

/**
 * The console's L1 accounts, each from a standard Ethereum (V3, geth/web3j) keystore: the pauser
 * key (pause, revoke a root, cancel a queued operation) and an optional submitter key that pays for
 * submitting and executing federation certificates. V3 rather than EIP-2335 because these are plain
 * Ethereum accounts: operators make and back them up with the tools they already use (geth, cast
 * wallet, hardware-wallet exports), and web3j reads them natively; EIP-2335 is for BLS keys and
 * bridge-core's identity keystore is bound to an operator id. SECURITY: keys and passwords are
 * never logged; a keystore that does not decrypt stops start-up with a line naming the setting.
 */
@Component
public class L1Accounts {
  private final Credentials pauser;
  private final Credentials submitter;

  L1Accounts(AdminProperties properties) {
    this.pauser = load("bridge.admin.pauser", properties.pauser());
    this.submitter = load("bridge.admin.submitter", properties.submitter());
  }

  public Optional<Credentials> pauser() {
    return Optional.ofNullable(pauser);
  }

  /** The submitter, or else the pauser (both are the console's own accounts). */
  public Optional<Credentials> submitter() {
    return Optional.ofNullable(submitter != null ? submitter : pauser);
  }

  private static Credentials load(String setting, AdminProperties.KeystoreFile file) {
    if (file == null) {
      return null;
    }
    if (!Files.isRegularFile(file.keystore())) {
      throw new IllegalStateException(
          "invalid setting " + setting + ".keystore: no file " + file.keystore());
    }
    Result<Password> password = Password.fromFile(file.passwordFile());
    if (!password.isOk()) {
      throw new IllegalStateException(
          "invalid setting " + setting + ".password-file: cannot read " + file.passwordFile());
    }
    String text;
    try {
      text = Files.readString(file.passwordFile()).replaceFirst("\\r?\\n\\z", "");
    } catch (IOException e) {
      throw new IllegalStateException(
          "invalid setting " + setting + ".password-file: cannot read " + file.passwordFile(), e);
    } finally {
      password.orThrow().close();
    }
    try {
      return WalletUtils.loadCredentials(text, file.keystore().toFile());
    } catch (CipherException e) {
      throw new IllegalStateException(
          "invalid setting "
              + setting
              + ".keystore: cannot decrypt "
              + file.keystore()
              + " (wrong password?)");
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "invalid setting " + setting + ".keystore: " + file.keystore() + " is not a V3 keystore");
    }
  }
}
