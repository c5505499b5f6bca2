package org.fedbridge.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.fedbridge.core.types.Keccak;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.WalletUtils;

/**
 * The relayer's gas-paying L1 key on the devnet: derived from a public seed (devnet only), funded
 * on L1, and handed to the relayer the way an operator would: a standard Ethereum V3 keystore file
 * and a password file readable only by its owner (a fresh random password each start).
 *
 * @param address the key's address
 * @param keystore the keystore file
 * @param passwordFile the file holding its password
 */
record RelayerKey(String address, Path keystore, Path passwordFile) {
  static final BigInteger FUNDING = BigInteger.TEN.pow(21); // 1,000 ETH for gas

  static RelayerKey write(Path dir) throws IOException {
    Files.createDirectories(dir);
    byte[] seed = Keccak.hash("fedbridge devnet relayer".getBytes(StandardCharsets.UTF_8)).bytes();
    Credentials credentials = Credentials.create(ECKeyPair.create(seed));
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Path passwordFile = dir.resolve("password");
    Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
    ownerOnly(passwordFile);
    try {
      // Light scrypt parameters: the relayer JVM decrypts it with a small heap.
      String name =
          WalletUtils.generateWalletFile(password, credentials.getEcKeyPair(), dir.toFile(), false);
      Path keystore = dir.resolve(name);
      ownerOnly(keystore);
      return new RelayerKey(credentials.getAddress(), keystore, passwordFile);
    } catch (Exception e) {
      throw new DevnetException("cannot write the relayer's keystore: " + e.getMessage(), e);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing more to do
    }
  }
}
