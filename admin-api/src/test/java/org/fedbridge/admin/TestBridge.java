package org.fedbridge.admin;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.contracts.VaultDeployer;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.threshold.ThresholdVerifier;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * Plays the users and the federation around a test chain and sidechain: deposits on L1, mints
 * certified by the federation's shares, burns on the sidechain, roots certified and posted, and
 * claims; and a thief holding t shares certifying a root the sidechain never had.
 */
public final class TestBridge {
  public final TestChain chain;
  public final TestSidechain sidechain;
  private final Web3j sidechainWeb3j;

  public TestBridge(TestChain chain, TestSidechain sidechain) {
    this.chain = chain;
    this.sidechain = sidechain;
    this.sidechainWeb3j = Web3j.build(new HttpService(sidechain.url()));
  }

  public Domain domain(long epoch) {
    return chain.domain(epoch);
  }

  /** A certificate as t of the members would make it: t partials combined. */
  public Signature certify(SignedMessage message, List<SecretShare> signers, long epoch) {
    Bytes32 digest = message.digest(domain(epoch));
    List<PartialSignature> partials = new ArrayList<>();
    for (SecretShare s : signers) {
      partials.add(ThresholdSigner.partialSign(s, digest));
    }
    return ThresholdVerifier.interpolate(partials).orThrow();
  }

  public Signature federation(SignedMessage message, long epoch) {
    return certify(message, chain.shares.subList(0, chain.members.threshold()), epoch);
  }

  public BridgeVault vaultAs(Credentials who) throws Exception {
    return VaultDeployer.load(chain.web3j, who, chain.anvil.chainId(), chain.vault);
  }

  /** Deposits ETH on L1 and has the federation mint it on the sidechain; returns the nonce. */
  public BigInteger depositAndMint(Credentials user, String sidechainRecipient, BigInteger wei)
      throws Exception {
    TransactionReceipt r = vaultAs(user).depositETH(sidechainRecipient, wei).send();
    BridgeVault.DepositEventResponse event = BridgeVault.getDepositEvents(r).get(0);
    var deposit =
        new org.fedbridge.core.message.Deposit(
            new UInt256(event.nonce),
            Address.ZERO,
            Address.fromHex(event.sender),
            Address.fromHex(event.recipient),
            new UInt256(event.amount));
    long block = r.getBlockNumber().longValueExact();
    var batch = org.fedbridge.core.message.DepositBatch.of(UInt256.of(block), List.of(deposit));
    Signature sig = federation(batch, 0);
    var cert = new java.util.LinkedHashMap<String, Object>();
    cert.put("epoch", 0);
    cert.put("batchId", block);
    cert.put(
        "deposits",
        List.of(
            java.util.Map.of(
                "nonce", event.nonce.toString(),
                "token", Address.ZERO.toHex(),
                "sender", event.sender,
                "recipient", event.recipient,
                "amount", event.amount.toString())));
    cert.put("signature", Hex.encode(sig.toCompressed()));
    sidechain.rpc("bridge_submitDepositCertificate", cert);
    return event.nonce;
  }

  /** Burns ETH on the sidechain towards an L1 recipient; returns the sidechain block. */
  public long burn(Credentials user, String l1Recipient, BigInteger wei) throws Exception {
    String data =
        org.web3j.abi.FunctionEncoder.encode(
            new org.web3j.abi.datatypes.Function(
                "withdrawEth",
                List.of(new org.web3j.abi.datatypes.Address(l1Recipient)),
                List.of()));
    RawTransactionManager tm =
        new RawTransactionManager(sidechainWeb3j, user, TestChain.SIDECHAIN_ID);
    String hash =
        tm.sendTransaction(
                BigInteger.ZERO,
                BigInteger.valueOf(200_000),
                "0x000000000000000000000000000000000000b1d6",
                data,
                wei)
            .getTransactionHash();
    for (int i = 0; i < 600; i++) {
      var receipt = sidechainWeb3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        if (!receipt.get().isStatusOK()) {
          throw new IllegalStateException("burn reverted");
        }
        return receipt.get().getBlockNumber().longValueExact();
      }
      java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
    }
    throw new IllegalStateException("burn not mined");
  }

  /** The federation certifies a sidechain block's withdrawal root and posts it on L1. */
  public Bytes32 postRoot(long block) throws Exception {
    JsonNode r = sidechain.rpc("bridge_getWithdrawalRoot", "0x" + Long.toHexString(block));
    Bytes32 root = Bytes32.fromHex(r.get("withdrawalRoot").asText());
    long count = r.get("withdrawalCount").asLong();
    WithdrawalBatch batch = new WithdrawalBatch(UInt256.of(block), root, UInt256.of(count));
    postRoot(batch, federation(batch, 0));
    return root;
  }

  public TransactionReceipt postRoot(WithdrawalBatch batch, Signature sig) throws Exception {
    return vaultAs(chain.deployer)
        .postWithdrawalRoot(
            new BridgeVault.WithdrawalBatch(
                batch.batchId().value(),
                batch.withdrawalRoot().bytes(),
                batch.withdrawalCount().value()),
            sig.toEip2537())
        .send();
  }

  /** Moves L1 time past a root's challenge period and mines a block. */
  public void afterChallengePeriod() throws Exception {
    anvil("evm_increaseTime", TestChain.DELAYS.challengePeriodSeconds() + 1);
    anvil("evm_mine");
  }

  /** Claims a burned withdrawal on L1 with the sidechain's proof. */
  public TransactionReceipt claim(BigInteger nonce) throws Exception {
    JsonNode p = sidechain.rpc("bridge_getWithdrawalProof", nonce.toString());
    JsonNode w = p.get("withdrawal");
    List<byte[]> siblings = new ArrayList<>();
    p.get("proof").forEach(s -> siblings.add(Numeric.hexStringToByteArray(s.asText())));
    return vaultAs(chain.deployer)
        .claim(
            new BridgeVault.Withdrawal(
                new BigInteger(w.get("nonce").asText()),
                w.get("l1Token").asText(),
                w.get("sender").asText(),
                w.get("l1Recipient").asText(),
                new BigInteger(w.get("amount").asText())),
            new BridgeVault.Proof(
                Numeric.hexStringToByteArray(p.get("withdrawalRoot").asText()),
                BigInteger.valueOf(p.get("leafIndex").asLong()),
                siblings))
        .send();
  }

  /** An anvil JSON-RPC call (time travel, balance forging). */
  public void anvil(String method, Object... params) throws Exception {
    new org.web3j.protocol.core.Request<>(
            method,
            List.of(params),
            new HttpService(chain.anvil.rpcUrl()),
            org.web3j.protocol.core.methods.response.VoidResponse.class)
        .send();
  }

  /** Signs with the group secret directly (equal to any t shares' combination). */
  public static Signature sign(SecretKey key, Bytes32 digest) {
    return Bls.sign(key, digest);
  }
}
