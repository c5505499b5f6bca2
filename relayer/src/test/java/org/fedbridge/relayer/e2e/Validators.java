package org.fedbridge.relayer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.CertificateBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.PartialRecord;
import org.fedbridge.core.wire.WireType;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The federation's part, played by the test with real bridge-core threshold signatures: reads a
 * batch from the chain, publishes members' partial signatures and the combined certificate to Kafka
 * as validators do, and submits deposit certificates to the sidechain.
 */
final class Validators {
  private final Bridge bridge;

  Validators(Bridge bridge) {
    this.bridge = bridge;
  }

  /** The deposits of an L1 block, in log order. */
  List<Deposit> depositsIn(long block) throws Exception {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(block)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(block)),
            bridge.vault);
    filter.addSingleTopic(EventEncoder.encode(BridgeVault.DEPOSIT_EVENT));
    List<Deposit> out = new ArrayList<>();
    for (EthLog.LogResult<?> r : bridge.l1.ethGetLogs(filter).send().getLogs()) {
      var e = BridgeVault.getDepositEventFromLog((Log) r.get());
      out.add(
          new Deposit(
              new UInt256(e.nonce),
              Address.fromHex(e.token),
              Address.fromHex(e.sender),
              Address.fromHex(e.recipient),
              new UInt256(e.amount)));
    }
    return out;
  }

  /** A sidechain block's withdrawals, in tree order. */
  List<Withdrawal> withdrawalsIn(long block) {
    JsonNode r =
        Http.rpc(bridge.sidechainRpc, "bridge_getWithdrawalRoot", "0x" + Long.toHexString(block));
    List<Withdrawal> out = new ArrayList<>();
    for (JsonNode w : r.get("withdrawals")) {
      out.add(
          new Withdrawal(
              UInt256.parse(w.get("nonce").asText()),
              Address.fromHex(w.get("l1Token").asText()),
              Address.fromHex(w.get("sender").asText()),
              Address.fromHex(w.get("l1Recipient").asText()),
              UInt256.parse(w.get("amount").asText())));
    }
    return out;
  }

  Bytes32 depositDigest(long block) throws Exception {
    return DepositBatch.of(UInt256.of(block), depositsIn(block)).digest(bridge.domain(0));
  }

  Bytes32 withdrawalDigest(long block) {
    return WithdrawalBatch.of(UInt256.of(block), withdrawalsIn(block)).digest(bridge.domain(0));
  }

  /** The first {@code k} members publish their partials for an L1 block's deposits. */
  void depositPartials(long block, int k) throws Exception {
    Bytes32 digest = depositDigest(block);
    for (PartialSignature p : bridge.federation.partials(digest, k)) {
      bridge.publish(
          Bridge.PARTIALS, digest.bytes(), partial(WireType.DEPOSIT_BATCH, block, digest, p));
    }
  }

  /** The first {@code k} members publish their partials for a sidechain block's withdrawals. */
  void withdrawalPartials(long block, int k) {
    Bytes32 digest = withdrawalDigest(block);
    for (PartialSignature p : bridge.federation.partials(digest, k)) {
      bridge.publish(
          Bridge.PARTIALS, digest.bytes(), partial(WireType.WITHDRAWAL_BATCH, block, digest, p));
    }
  }

  /** Certifies an L1 block's deposits and publishes the certificate on Kafka. */
  Signature certifyDeposits(long block) throws Exception {
    List<Deposit> deposits = depositsIn(block);
    Signature sig =
        bridge.federation.certify(
            DepositBatch.of(UInt256.of(block), deposits).digest(bridge.domain(0)));
    CertificateRecord record =
        new CertificateRecord(
            0,
            new CertificateBody.DepositBody(UInt256.of(block), deposits),
            sig,
            List.of(1, 2, 3),
            1);
    bridge.publish(Bridge.CERTIFICATES, record.kafkaKey(), record.encode());
    return sig;
  }

  /** Submits an L1 block's deposit certificate to the sidechain, which mints. */
  void mint(long block, Signature sig) throws Exception {
    List<Deposit> deposits = depositsIn(block);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Deposit d : deposits) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nonce", d.nonce().toString());
      m.put("token", d.token().toHex());
      m.put("sender", d.sender().toHex());
      m.put("recipient", d.recipient().toHex());
      m.put("amount", d.amount().toString());
      list.add(m);
    }
    Map<String, Object> certificate = new LinkedHashMap<>();
    certificate.put("epoch", "0");
    certificate.put("batchId", Long.toString(block));
    certificate.put("deposits", list);
    certificate.put("signature", Hex.encode(sig.toCompressed()));
    Http.rpc(bridge.sidechainRpc, "bridge_submitDepositCertificate", certificate);
  }

  /**
   * Certifies a sidechain block's withdrawals and publishes the certificate on Kafka, signed for
   * the vault's current epoch (as the outgoing federation keeps signing L1 withdrawal batches until
   * the rotation executes on L1).
   */
  void certifyWithdrawals(long block) {
    long epoch = vaultEpoch();
    List<Withdrawal> ws = withdrawalsIn(block);
    Signature sig =
        bridge.federation.certify(
            WithdrawalBatch.of(UInt256.of(block), ws).digest(bridge.domain(epoch)));
    CertificateRecord record = certificate(epoch, block, ws, sig);
    bridge.publish(Bridge.CERTIFICATES, record.kafkaKey(), record.encode());
  }

  long vaultEpoch() {
    try {
      return bridge.vaultAs(bridge.deployer).currentEpoch().send().longValueExact();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the vault's epoch", e);
    }
  }

  /**
   * The federation unpauses the vault: an {@code Unpause} certificate bound to the current pause
   * goes into the governance queue, and is executed once the governance delay has passed.
   */
  void unpause() throws Exception {
    BridgeVault vault = bridge.vaultAs(bridge.deployer);
    BridgeVault.Unpause u =
        new BridgeVault.Unpause(vault.governanceNonce().send(), vault.pauseCount().send());
    Signature sig = bridge.federation.certify(new Bytes32(vault.unpauseDigest(u).send()));
    vault.submitUnpause(u, sig.toEip2537()).send();
    awaitReady(vault, vault.unpauseDigest(u).send());
    vault.executeUnpause(u).send();
  }

  /**
   * Rotates the vault to the next epoch, kept by the same members and key (the vault stores the key
   * again): the current federation certifies the change, it waits out the governance delay in the
   * queue, and is executed. The sidechain stays at its epoch: the tests only need L1's.
   */
  void rotateVaultEpoch() throws Exception {
    BridgeVault vault = bridge.vaultAs(bridge.deployer);
    long next = vault.currentEpoch().send().longValueExact() + 1;
    BridgeVault.EpochChange change =
        new BridgeVault.EpochChange(
            BigInteger.valueOf(next),
            bridge.federation.groupKey.toEip2537(),
            BigInteger.valueOf(bridge.federation.members.threshold()),
            BigInteger.valueOf(bridge.federation.members.size()),
            bridge.federation.members.membersHash().bytes());
    byte[] id = vault.epochChangeDigest(change).send();
    vault.submitEpochChange(change, bridge.federation.certify(new Bytes32(id)).toEip2537()).send();
    awaitReady(vault, id);
    vault.executeEpochChange(change).send();
  }

  /** The current epoch's federation revokes a root an earlier epoch posted. */
  void revokeRoot(Bytes32 root) throws Exception {
    BridgeVault vault = bridge.vaultAs(bridge.deployer);
    Signature sig =
        bridge.federation.certify(new Bytes32(vault.rootRevocationDigest(root.bytes()).send()));
    vault.submitRootRevocation(root.bytes(), sig.toEip2537()).send();
  }

  /** Waits until L1's latest block is past a queued operation's ready time. */
  private void awaitReady(BridgeVault vault, byte[] id) throws Exception {
    long readyAt = vault.operation(id).send().readyAt.longValueExact();
    org.awaitility.Awaitility.await("governance delay of operation " + Hex.encode(id))
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () ->
                bridge
                        .l1
                        .ethGetBlockByNumber(
                            org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
                        .send()
                        .getBlock()
                        .getTimestamp()
                        .longValueExact()
                    >= readyAt);
  }

  /** A certificate for the block's withdrawals signed by whoever holds {@code federation}. */
  byte[] withdrawalCertificateBy(TestFederation signer, long block, List<Withdrawal> ws) {
    long epoch = vaultEpoch();
    Signature sig =
        signer.certify(WithdrawalBatch.of(UInt256.of(block), ws).digest(bridge.domain(epoch)));
    return certificate(epoch, block, ws, sig).encode();
  }

  /** A withdrawal certificate record as the combining validator publishes it. */
  static CertificateRecord certificate(long epoch, long block, List<Withdrawal> ws, Signature sig) {
    return new CertificateRecord(
        epoch, new CertificateBody.WithdrawalBody(UInt256.of(block), ws), sig, List.of(1, 2, 3), 1);
  }

  /** A member's partial record, signed with its identity key as validators publish it. */
  byte[] partial(WireType type, long block, Bytes32 digest, PartialSignature p) {
    return PartialRecord.unsigned(type, 0, UInt256.of(block), digest, p)
        .signedBy(bridge.federation.identity(p.index()))
        .encode();
  }
}
