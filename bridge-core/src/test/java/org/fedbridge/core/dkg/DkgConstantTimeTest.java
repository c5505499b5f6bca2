package org.fedbridge.core.dkg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 14: the identity scalar never meets a variable-time multiplier. Key agreement and
 * signing run in libsecp256k1 (constant-time); the dkg and keystore packages may not use Bouncy
 * Castle's elliptic-curve arithmetic at all, and the ECDH result is the standard one.
 */
class DkgConstantTimeTest {
  static final SecureRandom RND = new SecureRandom();

  @Test
  void noVariableTimeCurveArithmeticInTheDkgOrKeystore() {
    JavaClasses core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fedbridge.core.dkg", "org.fedbridge.core.keystore");
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.bouncycastle.math.ec..",
            "org.bouncycastle.crypto.signers..",
            "org.bouncycastle.crypto.agreement..")
        .because("the identity key must only be used by libsecp256k1 (constant-time)")
        .check(core);
  }

  @Test
  void keyAgreementIsSha256OfTheCompressedSharedPoint() throws Exception {
    // Cross-checked with Bouncy Castle on public values only (the test knows both scalars).
    X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
    try (IdentityKey a = IdentityKey.random(RND);
        IdentityKey b = IdentityKey.random(RND)) {
      byte[] ab = a.agree(b.publicKey());
      assertThat(ab).isEqualTo(b.agree(a.publicKey()));
      ECPoint pb = curve.getCurve().decodePoint(b.publicKey().compressed());
      byte[] shared = pb.multiply(new BigInteger(1, a.toBytes())).normalize().getEncoded(true);
      assertThat(ab).isEqualTo(MessageDigest.getInstance("SHA-256").digest(shared));
    }
  }

  @Test
  void signaturesAreLowSAndVerifyAgainstTheBouncyCastlePublicKey() {
    X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
    try (IdentityKey k = IdentityKey.random(RND)) {
      ECPoint expected = curve.getG().multiply(new BigInteger(1, k.toBytes())).normalize();
      assertThat(k.publicKey().compressed()).isEqualTo(expected.getEncoded(true));
      for (int i = 0; i < 20; i++) {
        var h = org.fedbridge.core.types.Keccak.hash(new byte[] {(byte) i});
        byte[] sig = k.sign(h);
        assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64)))
            .isLessThanOrEqualTo(IdentityKey.HALF_N);
        assertThat(k.publicKey().verify(h, sig)).isTrue();
        assertThat(k.sign(h)).as("RFC 6979: deterministic").isEqualTo(sig);
      }
    }
  }
}
