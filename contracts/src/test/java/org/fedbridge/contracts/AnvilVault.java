package org.fedbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.testsupport.Anvil;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/** A fresh vault on the shared anvil with a 3-of-4 bridge-core federation (test only). */
final class AnvilVault {
  static final BigInteger SIDECHAIN_ID = BigInteger.valueOf(777);
  static final String ETH = "0x0000000000000000000000000000000000000000";
  static final BigInteger PERIOD_LIMIT = ether(1_000);
  static final BigInteger DELAY_THRESHOLD = ether(100);
  static final long PERIOD = 86_400;
  static final long DELAY = 6 * 3_600;
  static final long GOVERNANCE_DELAY = 2 * 86_400;
  static final long CHALLENGE = 3_600;
  static final VaultDeployer.Delays DELAYS = new VaultDeployer.Delays(GOVERNANCE_DELAY, CHALLENGE);
  static final BigInteger MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  final Anvil anvil = Anvil.shared();
  final HttpService http = new HttpService(anvil.rpcUrl());
  final Web3j web3j = Web3j.build(http);
  final long chainId = anvil.chainId();
  final Credentials relayer = Credentials.create(anvil.privateKeys().get(0));
  final Credentials user = Credentials.create(anvil.privateKeys().get(1));
  final Credentials pauser = Credentials.create(anvil.privateKeys().get(2));
  final Credentials attacker = Credentials.create(anvil.privateKeys().get(3));
  Federation federation;
  final BridgeVault vault;
  final String address;
  private long nextNonce = 1;
  private long nextBatch = 1;

  AnvilVault(Federation federation, List<VaultDeployer.TokenLimits> extraTokens) throws Exception {
    this.federation = federation;
    List<VaultDeployer.TokenLimits> tokens = new ArrayList<>();
    tokens.add(VaultDeployer.TokenLimits.eth(PERIOD_LIMIT, PERIOD, DELAY_THRESHOLD, DELAY));
    tokens.addAll(extraTokens);
    VaultDeployer.Deployment d =
        VaultDeployer.deploy(
            web3j,
            relayer,
            chainId,
            VaultDeployer.Config.forFederation(
                SIDECHAIN_ID,
                federation.groupKey,
                federation.members,
                List.of(pauser.getAddress()),
                tokens,
                DELAYS));
    this.address = d.vaultAddress();
    this.vault = VaultDeployer.load(web3j, relayer, chainId, address);
  }

  AnvilVault() throws Exception {
    this(Federation.create(1, 3, 4), List.of());
  }

  static BigInteger ether(long n) {
    return Convert.toWei(BigInteger.valueOf(n).toString(), Convert.Unit.ETHER).toBigInteger();
  }

  static VaultDeployer.TokenLimits tokenLimits(String token) {
    return new VaultDeployer.TokenLimits(token, PERIOD_LIMIT, PERIOD, DELAY_THRESHOLD, DELAY);
  }

  BridgeVault as(Credentials c) throws Exception {
    return VaultDeployer.load(web3j, c, chainId, address);
  }

  /**
   * Deploys another vault on this chain with {@code groupKey} (EIP-2537) and {@code t} of {@code
   * n}, no pausers and no tokens: for the constructor's checks.
   */
  VaultDeployer.Deployment deployBare(byte[] groupKey, int t, int n) throws Exception {
    return VaultDeployer.deploy(
        web3j,
        relayer,
        chainId,
        new VaultDeployer.Config(
            BigInteger.ONE, groupKey, t, n, new byte[32], List.of(), List.of(), DELAYS));
  }

  /** A transaction manager signing as {@code c}, for deploying test contracts on this chain. */
  TransactionManager transactionManager(Credentials c) {
    return VaultDeployer.transactionManager(web3j, c, chainId);
  }

  ContractGasProvider gasProvider() throws Exception {
    return VaultDeployer.gasProvider(web3j);
  }

  Domain domain() throws Exception {
    return new Domain(
        UInt256.of(chainId),
        Address.fromHex(address),
        new UInt256(SIDECHAIN_ID),
        new UInt256(vault.currentEpoch().send()));
  }

  Withdrawal withdrawal(String token, String recipient, BigInteger amount) {
    return new Withdrawal(
        UInt256.of(nextNonce++),
        Address.fromHex(token),
        Address.fromHex("0x00000000000000000000000000000000005e11e5"),
        Address.fromHex(recipient),
        new UInt256(amount));
  }

  /** A certified batch ready to post, with proofs for every withdrawal. */
  record Batch(
      WithdrawalBatch batch,
      List<Withdrawal> withdrawals,
      MerkleTree tree,
      BridgeVault.WithdrawalBatch onChain) {
    BridgeVault.Withdrawal w(int i) {
      return toContract(withdrawals.get(i));
    }

    BridgeVault.Proof proof(int i) {
      List<byte[]> siblings = tree.proof(i).siblings().stream().map(Bytes32::bytes).toList();
      return new BridgeVault.Proof(batch.withdrawalRoot().bytes(), BigInteger.valueOf(i), siblings);
    }

    List<BridgeVault.Withdrawal> ws() {
      return withdrawals.stream().map(AnvilVault::toContract).toList();
    }

    List<BridgeVault.Proof> proofs() {
      List<BridgeVault.Proof> out = new ArrayList<>();
      for (int i = 0; i < withdrawals.size(); i++) {
        out.add(proof(i));
      }
      return out;
    }
  }

  Batch batch(List<Withdrawal> withdrawals) {
    WithdrawalBatch b = WithdrawalBatch.of(UInt256.of(nextBatch++), withdrawals);
    MerkleTree tree = MerkleTree.of(withdrawals.stream().map(Withdrawal::leaf).toList());
    return new Batch(
        b,
        withdrawals,
        tree,
        new BridgeVault.WithdrawalBatch(
            b.batchId().value(), b.withdrawalRoot().bytes(), b.withdrawalCount().value()));
  }

  /** A batch of one ETH withdrawal of {@code amount} to {@code to}. */
  Batch oneEth(String to, BigInteger amount) {
    return batch(List.of(withdrawal(ETH, to, amount)));
  }

  byte[] certify(Batch b) throws Exception {
    return federation.certify(b.batch(), domain());
  }

  /** Posts a certified root (still inside its challenge period). */
  TransactionReceipt post(Batch b) throws Exception {
    return vault.postWithdrawalRoot(b.onChain(), certify(b)).send();
  }

  /** Posts a certified root and lets its challenge period pass. */
  TransactionReceipt postAndWait(Batch b) throws Exception {
    TransactionReceipt r = post(b);
    advance(CHALLENGE);
    return r;
  }

  /**
   * Moves the chain's clock forward (anvil {@code evm_increaseTime} plus a mined block). The shared
   * anvil's clock only ever moves forward; every test deploys its own vault, so none depends on
   * another's time.
   */
  void advance(long seconds) throws Exception {
    new Request<>("evm_increaseTime", List.of(seconds), http, VoidResponse.class).send();
    new Request<>("evm_mine", List.of(), http, VoidResponse.class).send();
  }

  /** Queues the rotation to {@code next} (certified by the current federation), waits, executes. */
  void rotate(Federation next) throws Exception {
    BridgeVault.EpochChange change = epochChange(next);
    vault
        .submitEpochChange(
            change,
            federation.certify(
                new EpochChange(new UInt256(change.newEpoch), next.groupKey, next.members),
                domain()))
        .send();
    advance(GOVERNANCE_DELAY);
    vault.executeEpochChange(change).send();
    federation = next;
  }

  BridgeVault.EpochChange epochChange(Federation next) throws Exception {
    return new BridgeVault.EpochChange(
        vault.currentEpoch().send().add(BigInteger.ONE),
        next.groupKey.toEip2537(),
        BigInteger.valueOf(next.threshold),
        BigInteger.valueOf(next.members.size()),
        next.members.membersHash().bytes());
  }

  /** The Unpause for the current pause with the next governance nonce. */
  Unpause currentUnpause() throws Exception {
    return new Unpause(
        new UInt256(vault.governanceNonce().send()), new UInt256(vault.pauseCount().send()));
  }

  static BridgeVault.Unpause toContract(Unpause u) {
    return new BridgeVault.Unpause(u.governanceNonce().value(), u.pauseCount().value());
  }

  /** Queues the federation's unpause of the current pause, waits, executes. */
  void unpause() throws Exception {
    var u = currentUnpause();
    vault.submitUnpause(toContract(u), federation.certify(u, domain())).send();
    advance(GOVERNANCE_DELAY);
    vault.executeUnpause(toContract(u)).send();
  }

  static BridgeVault.Withdrawal toContract(Withdrawal w) {
    return new BridgeVault.Withdrawal(
        w.nonce().value(),
        w.l1Token().toHex(),
        w.sender().toHex(),
        w.l1Recipient().toHex(),
        w.amount().value());
  }

  TransactionReceipt depositEth(BigInteger amount) throws Exception {
    return as(user).depositETH(user.getAddress(), amount).send();
  }

  BigInteger balance(String account) throws Exception {
    return web3j.ethGetBalance(account, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  void fund(String account, BigInteger wei) throws Exception {
    // Through the 200 ms receipt poller: Transfer.sendFunds(web3j, …) polls every 15 s, so a
    // receipt not there at the first look cost 15 s (GasReportTest funds 64 accounts).
    new Transfer(web3j, VaultDeployer.transactionManager(web3j, relayer, chainId))
        .sendFunds(account, new java.math.BigDecimal(wei), Convert.Unit.WEI)
        .send();
  }

  /**
   * Asserts that {@code call} reverts with custom error {@code signature} (e.g. {@code
   * "InvalidSignature()"}, or {@code null} for any revert) when simulated, and that the transaction
   * fails when sent.
   */
  void assertReverts(String from, RemoteFunctionCall<TransactionReceipt> call, String signature)
      throws Exception {
    String data = call.encodeFunctionCall();
    EthCall result =
        web3j
            .ethCall(
                Transaction.createEthCallTransaction(from, address, data),
                DefaultBlockParameterName.LATEST)
            .send();
    assertThat(result.isReverted()).as("simulated call reverts").isTrue();
    String revertData =
        result.getError() != null && result.getError().getData() != null
            ? result.getError().getData().toString()
            : result.getRevertReason();
    if (signature != null) {
      String selector = Numeric.toHexString(Hash.sha3(signature.getBytes())).substring(0, 10);
      assertThat(revertData).as("revert data of %s", signature).contains(selector.substring(2));
    }
    assertThatThrownBy(call::send).as("transaction fails").isInstanceOf(Exception.class);
  }
}
