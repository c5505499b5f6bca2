package org.fedbridge.relayer.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fedbridge.relayer.RelayerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.WalletUtils;

/**
 * The gas key comes from a standard Ethereum keystore file with its password from a file or an
 * environment variable; errors name the setting, never the password or the key.
 */
class GasKeyTest {
  static final String PASSWORD = "correct horse battery staple";

  @TempDir Path dir;

  Path keystore(Credentials c) throws Exception {
    return dir.resolve(
        WalletUtils.generateWalletFile(PASSWORD, c.getEcKeyPair(), dir.toFile(), false));
  }

  @Test
  void loadsFromAPasswordFileOrAnEnvironmentVariableAndSignsForItsChain() throws Exception {
    Credentials c = Credentials.create(Keys.createEcKeyPair());
    Path file = keystore(c);
    Path password = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    GasKey fromFile =
        GasKey.load(new RelayerProperties.Keys(file, password, null), 31337, Map.of());
    GasKey fromEnv =
        GasKey.load(
            new RelayerProperties.Keys(file, null, "RELAYER_PW"),
            31337,
            Map.of("RELAYER_PW", PASSWORD));
    assertThat(fromFile.address()).isEqualTo(c.getAddress()).isEqualTo(fromEnv.address());
    assertThat(fromFile.toString()).isEqualTo("GasKey[" + c.getAddress() + "]");

    GasKey.Signed signed =
        fromFile.sign(
            5,
            "0x" + "ab".repeat(20),
            new byte[] {1, 2},
            100_000,
            java.math.BigInteger.TEN,
            java.math.BigInteger.ONE);
    var decoded =
        (org.web3j.crypto.SignedRawTransaction)
            TransactionDecoder.decode(org.web3j.utils.Numeric.toHexString(signed.raw()));
    assertThat(decoded.getFrom()).isEqualTo(c.getAddress());
    assertThat(
            ((org.web3j.crypto.transaction.type.Transaction1559) decoded.getTransaction())
                .getChainId())
        .isEqualTo(31337L);
    assertThat(org.web3j.crypto.Hash.sha3(org.web3j.utils.Numeric.toHexString(signed.raw())))
        .isEqualTo(signed.hash());
    assertThat(decoded.getNonce()).isEqualTo(java.math.BigInteger.valueOf(5));
  }

  @Test
  void aWrongPasswordOrAMissingFileNamesTheSettingAndNeverThePassword() throws Exception {
    Path file = keystore(Credentials.create(Keys.createEcKeyPair()));
    Path wrong = Files.writeString(dir.resolve("wrong"), "hunter2-secret");
    assertThatThrownBy(
            () -> GasKey.load(new RelayerProperties.Keys(file, wrong, null), 1, Map.of()))
        .hasMessageContaining("bridge.relayer.keys.keystore")
        .hasMessageContaining("wrong password")
        .hasMessageNotContaining("hunter2-secret");
    assertThatThrownBy(
            () ->
                GasKey.load(
                    new RelayerProperties.Keys(dir.resolve("nope.json"), wrong, null), 1, Map.of()))
        .hasMessageContaining("no keystore file");
    assertThatThrownBy(
            () -> GasKey.load(new RelayerProperties.Keys(file, null, "UNSET_VAR"), 1, Map.of()))
        .hasMessageContaining("bridge.relayer.keys.password-env")
        .hasMessageContaining("UNSET_VAR");
  }

  @Test
  void exactlyOnePasswordSourceIsAllowed() {
    Path any = dir.resolve("k");
    assertThat(new RelayerProperties.Keys(any, any, "X").isOnePasswordSource()).isFalse();
    assertThat(new RelayerProperties.Keys(any, null, null).isOnePasswordSource()).isFalse();
    assertThat(new RelayerProperties.Keys(any, any, null).isOnePasswordSource()).isTrue();
  }
}
