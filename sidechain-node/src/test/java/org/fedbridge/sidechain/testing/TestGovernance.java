package org.fedbridge.sidechain.testing;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody.TokenConfigBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.Governance;
import org.fedbridge.core.wire.GovernanceAction.TokenConfigAction;
import org.fedbridge.core.wire.GovernanceRecord;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.GenesisFile;
import org.fedbridge.sidechain.ledger.TokenConfigCertificate;

/**
 * admin-api's governance key and the federation's {@code TOKEN_CONFIG} certificates, as the console
 * and the validators make them, for tests.
 */
public final class TestGovernance {
  private final IdentityKey key;
  private final long sidechainId;

  private TestGovernance(IdentityKey key, long sidechainId) {
    this.key = key;
    this.sidechainId = sidechainId;
  }

  /** A governance key derived from {@code seed}. */
  public static TestGovernance of(String seed, long sidechainId) {
    return new TestGovernance(
        IdentityKey.fromBytes(Keccak.hashBytes(("governance " + seed).getBytes())).orThrow(),
        sidechainId);
  }

  public IdentityKey key() {
    return key;
  }

  /** A test genesis ({@link TestGenesis#json}) that names this governance key. */
  public Genesis genesis(String genesisJson) {
    return GenesisFile.parse(withKey(genesisJson));
  }

  /** The genesis JSON with {@code governanceKey} added. */
  public String withKey(String genesisJson) {
    return genesisJson.replaceFirst(
        "\\{", "{\n  \"governanceKey\": \"" + Hex.encode(key.publicKey().compressed()) + "\",");
  }

  public static TokenConfig config(
      long nonce, Address token, boolean registered, long periodLimit) {
    return new TokenConfig(
        UInt256.of(nonce),
        token,
        registered,
        UInt256.of(periodLimit),
        UInt256.of(3600),
        UInt256.of(periodLimit),
        UInt256.of(600));
  }

  /** The console's signed record of {@code c} with this metadata, for this deployment. */
  public GovernanceRecord record(TokenConfig c, String symbol, String name, int decimals) {
    return record(c, symbol, name, decimals, key);
  }

  /** The same, signed by {@code signer} (which names its own key). */
  public GovernanceRecord record(
      TokenConfig c, String symbol, String name, int decimals, IdentityKey signer) {
    Governance g =
        new Governance(
            TestFederation.L1_CHAIN_ID,
            TestFederation.VAULT,
            sidechainId,
            c.governanceNonce().value().longValue() + 1,
            7,
            1_700_000_000_000L,
            new TokenConfigAction(c, symbol, name, decimals));
    return GovernanceRecord.unsigned(g, signer.publicKey()).signedBy(signer);
  }

  /** {@code federation}'s certificate over {@code c}, as published on bridge.certificates. */
  public CertificateRecord certificate(TestFederation federation, TokenConfig c) {
    long epoch = federation.epoch().number();
    return new CertificateRecord(
        epoch,
        new TokenConfigBody(c),
        federation.sign(c.digest(TestFederation.domain(sidechainId, epoch))),
        List.of(1, 2, 3),
        1);
  }

  /** A registration of a new token, certified and with its signed metadata. */
  public TokenConfigCertificate registration(
      TestFederation federation, TokenConfig c, String symbol, int decimals) {
    return new TokenConfigCertificate(
        certificate(federation, c), Optional.of(record(c, symbol, symbol + " Token", decimals)));
  }
}
