package org.fedbridge.core.keystore;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/** Key derivation settings of a keystore (EIP-2335 "kdf" module). */
public sealed interface Kdf {

  /** EIP-2335's default: scrypt n = 2^18, r = 8, p = 1 (RFC 7914). */
  Kdf DEFAULT = new Scrypt(1 << 18, 8, 1);

  String function();

  byte[] derive(byte[] password, byte[] salt);

  /** scrypt (RFC 7914). */
  record Scrypt(int n, int r, int p) implements Kdf {
    public Scrypt {
      // SECURITY: bound the work a hostile file can demand; n a power of two ≥ 2^10.
      if (n < 1024
          || n > (1 << 20)
          || Integer.bitCount(n) != 1
          || r < 1
          || r > 32
          || p < 1
          || p > 16) {
        throw new IllegalArgumentException("scrypt parameters out of range");
      }
    }

    @Override
    public String function() {
      return "scrypt";
    }

    @Override
    public byte[] derive(byte[] password, byte[] salt) {
      return SCrypt.generate(password, salt, n, r, p, 32);
    }
  }

  /** PBKDF2 with HMAC-SHA256 (RFC 8018 §5.2). */
  record Pbkdf2(int c) implements Kdf {
    public Pbkdf2 {
      if (c < 1000 || c > 10_000_000) {
        throw new IllegalArgumentException("pbkdf2 iteration count out of range");
      }
    }

    @Override
    public String function() {
      return "pbkdf2";
    }

    @Override
    public byte[] derive(byte[] password, byte[] salt) {
      PKCS5S2ParametersGenerator g = new PKCS5S2ParametersGenerator(new SHA256Digest());
      g.init(password, salt, c);
      return ((KeyParameter) g.generateDerivedParameters(256)).getKey();
    }
  }
}
