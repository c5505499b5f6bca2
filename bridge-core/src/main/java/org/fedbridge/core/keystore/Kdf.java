package org.fedbridge.core.keystore;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/** Key derivation settings of a keystore (EIP-2335 "kdf" module). */
public sealed interface Kdf {

  /** EIP-2335's default: scrypt n = 2^18, r = 8, p = 1 (RFC 7914), 256 MiB. */
  Kdf DEFAULT = new Scrypt(1 << 18, 8, 1);

  /** Most memory a keystore may make scrypt allocate ({@code 128 · r · n} bytes): 1 GiB. */
  long MAX_SCRYPT_MEMORY = 1L << 30;

  /** Most scrypt parallelism accepted (time grows linearly with it). */
  int MAX_SCRYPT_P = 4;

  /** Most PBKDF2 iterations accepted. */
  int MAX_PBKDF2_ITERATIONS = 10_000_000;

  String function();

  byte[] derive(byte[] password, byte[] salt);

  /**
   * Checks scrypt parameters read from an untrusted file, before anything is allocated.
   *
   * @return the KDF, or {@link Rejection#MALFORMED} when {@code n} is not a power of two in {@code
   *     [2^10, 2^30]}, {@code r} or {@code p} is below 1, {@code 128 · r · n} exceeds 1 GiB or
   *     {@code p} exceeds 4 (issue 9 item 12)
   */
  static Result<Kdf> scrypt(long n, long r, long p) {
    return checkScrypt(n, r, p).map(ok -> new Scrypt((int) n, (int) r, (int) p));
  }

  private static Result<Void> checkScrypt(long n, long r, long p) {
    // SECURITY: a hostile keystore must not make the validator allocate gigabytes or spin for
    // hours: every bound is checked on longs, before SCrypt allocates its 128·r·n bytes.
    if (n < 1024 || n > (1L << 30) || Long.bitCount(n) != 1) {
      return Result.err(Rejection.MALFORMED, "scrypt n must be a power of two in [2^10, 2^30]");
    }
    if (r < 1 || p < 1 || p > MAX_SCRYPT_P || r > MAX_SCRYPT_MEMORY / 128 / n) {
      return Result.err(
          Rejection.MALFORMED, "scrypt parameters need more than 1 GiB (128·r·n) or p > 4");
    }
    return Result.ok(null);
  }

  /** Checks PBKDF2 parameters read from an untrusted file. */
  static Result<Kdf> pbkdf2(long c) {
    return checkPbkdf2(c).map(ok -> new Pbkdf2((int) c));
  }

  private static Result<Void> checkPbkdf2(long c) {
    if (c < 1000 || c > MAX_PBKDF2_ITERATIONS) {
      return Result.err(Rejection.MALFORMED, "pbkdf2 iteration count out of [1000, 10^7]");
    }
    return Result.ok(null);
  }

  /** scrypt (RFC 7914). */
  record Scrypt(int n, int r, int p) implements Kdf {
    public Scrypt {
      if (!checkScrypt(n, r, p).isOk()) {
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
      if (!checkPbkdf2(c).isOk()) {
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
