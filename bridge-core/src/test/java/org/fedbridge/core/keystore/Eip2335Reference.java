package org.fedbridge.core.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The EIP-2335 "Decryption" steps written out independently of the production code, as another tool
 * would run them: if these recover the secret, the file is a standard keystore.
 */
final class Eip2335Reference {
  private Eip2335Reference() {}

  static byte[] decrypt(JsonNode root, byte[] password) throws Exception {
    HexFormat hex = HexFormat.of();
    JsonNode kdf = root.at("/crypto/kdf");
    byte[] salt = hex.parseHex(kdf.at("/params/salt").asText());
    byte[] dk;
    if (kdf.get("function").asText().equals("scrypt")) {
      dk =
          SCrypt.generate(
              password,
              salt,
              kdf.at("/params/n").asInt(),
              kdf.at("/params/r").asInt(),
              kdf.at("/params/p").asInt(),
              32);
    } else {
      PKCS5S2ParametersGenerator g = new PKCS5S2ParametersGenerator(new SHA256Digest());
      g.init(password, salt, kdf.at("/params/c").asInt());
      dk = ((KeyParameter) g.generateDerivedParameters(256)).getKey();
    }
    byte[] ct = hex.parseHex(root.at("/crypto/cipher/message").asText());
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(dk, 16, 16);
    sha.update(ct);
    if (!MessageDigest.isEqual(
        sha.digest(), hex.parseHex(root.at("/crypto/checksum/message").asText()))) {
      throw new IllegalStateException("checksum mismatch");
    }
    Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
    aes.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(dk, 0, 16, "AES"),
        new IvParameterSpec(hex.parseHex(root.at("/crypto/cipher/params/iv").asText())));
    return aes.doFinal(ct);
  }
}
