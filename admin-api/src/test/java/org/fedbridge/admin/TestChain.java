package org.fedbridge.admin;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.contracts.VaultDeployer;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.Shamir;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.testsupport.Anvil;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A fresh anvil with a BridgeVault deployed for a dealt 3-of-4 federation (the test holds every
 * share: it can play the federation, or a thief holding a threshold of shares), the console's
 * pauser as the vault's pauser, and that pauser's key in a standard V3 keystore.
 */
public final class TestChain implements AutoCloseable {
  public static final long SIDECHAIN_ID = 1337;
  public static final BigInteger ETHER = BigInteger.TEN.pow(18);

  /** A loosening change waits 2 s in the vault's queue; a posted root 10 s before it pays. */
  public static final VaultDeployer.Delays DELAYS = new VaultDeployer.Delays(2, 10);

  public final Anvil anvil;
  public final Web3j web3j;
  public final SecretKey groupSecret;
  public final List<SecretShare> shares;
  public final MemberSet members;
  public final Credentials deployer;
  public final Credentials pauser;
  public final String vault;
  public final long vaultBlock;
  public final Path pauserKeystore;
  public final Path pauserPassword;

  private TestChain(Path dir, String... anvilArgs) throws Exception {
    anvil = Anvil.start(anvilArgs);
    web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
    SecureRandom rnd = new SecureRandom();
    groupSecret = SecretKey.random(rnd);
    shares = Shamir.split(groupSecret, new ThresholdPolicy(3, 4), rnd);
    List<Member> ms = new ArrayList<>();
    for (SecretShare s : shares) {
      ms.add(new Member(s.index(), "op-" + s.index(), s.publicKey()));
    }
    members = MemberSet.of(ms, 3).orThrow();
    deployer = Credentials.create(anvil.privateKeys().get(0));
    pauser = Credentials.create(anvil.privateKeys().get(1));
    VaultDeployer.Deployment d =
        VaultDeployer.deploy(
            web3j,
            deployer,
            anvil.chainId(),
            VaultDeployer.Config.forFederation(
                BigInteger.valueOf(SIDECHAIN_ID),
                groupSecret.publicKey(),
                members,
                List.of(pauser.getAddress()),
                List.of(
                    VaultDeployer.TokenLimits.eth(
                        ETHER.multiply(BigInteger.valueOf(1000)),
                        86_400,
                        ETHER.multiply(BigInteger.valueOf(100)),
                        60)),
                DELAYS));
    vault = d.vaultAddress().toLowerCase();
    vaultBlock = d.blockNumber().longValueExact();
    Files.createDirectories(dir);
    pauserPassword = dir.resolve("pauser.password");
    Files.writeString(pauserPassword, "pauser-test-password\n");
    ECKeyPair pair = ECKeyPair.create(Numeric.toBigInt(anvil.privateKeys().get(1)));
    String file = WalletUtils.generateWalletFile("pauser-test-password", pair, dir.toFile(), false);
    pauserKeystore = dir.resolve(file);
  }

  public static TestChain start(Path dir, String... anvilArgs) {
    try {
      return new TestChain(dir, anvilArgs);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test chain", e);
    }
  }

  /** Console settings that point at this chain, with the pauser key. */
  public Map<String, String> settings() {
    return Map.of(
        "bridge.admin.l1.rpc-url", anvil.rpcUrl(),
        "bridge.admin.l1.vault", vault,
        "bridge.admin.l1.from-block", Long.toString(vaultBlock),
        "bridge.admin.pauser.keystore", pauserKeystore.toString(),
        "bridge.admin.pauser.password-file", pauserPassword.toString());
  }

  /** This chain's signing domain at {@code epoch} (the vault's, with the test sidechain). */
  public Domain domain(long epoch) {
    return new Domain(
        UInt256.of(anvil.chainId()),
        Address.fromHex(vault),
        UInt256.of(SIDECHAIN_ID),
        UInt256.of(epoch));
  }

  /**
   * Epoch 0's certificate of {@code body} over {@code message}, as the validators' consensus
   * publishes it (any t of the shares make this same signature, so the group secret stands in).
   */
  public CertificateRecord certificate(CertificateBody body, SignedMessage message) {
    return new CertificateRecord(
        0, body, Bls.sign(groupSecret, message.digest(domain(0))), List.of(1, 2, 3), 1);
  }

  @Override
  public void close() {
    anvil.close();
  }
}
