package org.fedbridge.relayer.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fedbridge.relayer.RelayerProperties;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;
import org.web3j.utils.Numeric;

/**
 * The relayer's gas-paying L1 key, loaded from a standard Ethereum (web3j / geth V3) keystore file.
 * It pays for posting roots and claiming; it holds no key share and can move no funds of the bridge
 * (the vault pays only against federation certificates). SECURITY: the key and its password are
 * never logged or printed; {@link #toString} shows only the address.
 */
public final class GasKey {
  private final Credentials credentials;
  private final long chainId;

  private GasKey(Credentials credentials, long chainId) {
    this.credentials = credentials;
    this.chainId = chainId;
  }

  /**
   * Decrypts the keystore with the password from the configured file or environment variable.
   *
   * @throws IllegalStateException naming the setting at fault, never the password
   */
  public static GasKey load(RelayerProperties.Keys keys, long chainId, Map<String, String> env) {
    String password = password(keys, env);
    Path file = keys.keystore();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "bridge.relayer.keys.keystore: no keystore file at " + file.toAbsolutePath());
    }
    try {
      return new GasKey(WalletUtils.loadCredentials(password, file.toFile()), chainId);
    } catch (CipherException e) {
      throw new IllegalStateException(
          "bridge.relayer.keys.keystore: cannot decrypt " + file + " (wrong password?)", e);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "bridge.relayer.keys.keystore: " + file + " is not an Ethereum keystore file", e);
    }
  }

  private static String password(RelayerProperties.Keys keys, Map<String, String> env) {
    if (keys.passwordFile() != null) {
      try {
        String content = Files.readString(keys.passwordFile(), StandardCharsets.UTF_8);
        // A trailing newline is how editors save files, not part of the password.
        return content.replaceFirst("\\r?\\n\\z", "");
      } catch (IOException e) {
        throw new IllegalStateException(
            "bridge.relayer.keys.password-file: cannot read " + keys.passwordFile(), e);
      }
    }
    String value = env.get(keys.passwordEnv());
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(
          "bridge.relayer.keys.password-env: environment variable "
              + keys.passwordEnv()
              + " is not set");
    }
    return value;
  }

  /** The 0x-prefixed lowercase address that pays the gas. */
  public String address() {
    return credentials.getAddress();
  }

  /** A signed EIP-1559 transaction: its raw bytes and hash. */
  public record Signed(byte[] raw, String hash) {}

  /** Signs an EIP-1559 contract call (value 0) for this key's chain. */
  public Signed sign(
      long nonce,
      String to,
      byte[] data,
      long gasLimit,
      BigInteger maxFeePerGas,
      BigInteger maxPriorityFeePerGas) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            BigInteger.valueOf(gasLimit),
            to,
            BigInteger.ZERO,
            Numeric.toHexString(data),
            maxPriorityFeePerGas,
            maxFeePerGas);
    byte[] raw = TransactionEncoder.signMessage(tx, credentials);
    return new Signed(raw, Numeric.toHexString(Hash.sha3(raw)));
  }

  @Override
  public String toString() {
    return "GasKey[" + address() + "]";
  }
}
