package org.fedbridge.validator.keys;

import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Bytes32;

/** The signers of this package, chosen by {@code bridge.validator.keys.signer}. */
public final class Signers {
  private Signers() {}

  /**
   * The share signer for {@code settings.signer()}. Callers wrap it (epoch activation, signing
   * protection) before anything signs through it.
   */
  public static Signer shares(KeysSettings settings, KeyDirectory keys) {
    return switch (settings.signer()) {
      case KEYSTORE -> new KeystoreSigner(keys);
    };
  }

  /** The identity signer over a loaded identity key. */
  public static IdentitySigner identity(IdentityKey key) {
    return new IdentitySigner() {
      @Override
      public IdentityPublicKey publicKey() {
        return key.publicKey();
      }

      @Override
      public byte[] sign(Bytes32 hash) {
        return key.sign(hash);
      }

      @Override
      public String toString() {
        return "IdentitySigner(" + key.publicKey() + ")";
      }
    };
  }
}
