package org.fedbridge.validator.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.contracts.VaultDeployer;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.testsupport.Anvil;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;

/**
 * A real L1 for one test class: its own anvil ({@code --slots-in-an-epoch 2}: the {@code finalized}
 * tag trails the head by 4 blocks), a {@code BridgeVault} deployed with {@code VaultDeployer} for a
 * {@link TestFederation}, deposits through the generated wrapper, and anvil's reorg tools ({@code
 * anvil_reorg}, {@code evm_snapshot}/{@code evm_revert}).
 */
public final class L1Chain implements AutoCloseable {
  public static final BigInteger SIDECHAIN_ID = BigInteger.valueOf(1337);
  public static final int FINALITY_DEPTH = 4;

  public final Anvil anvil;
  private final HttpService service;
  public final Web3j web3j;
  public final Credentials deployer;
  public final Credentials user;
  public final String vaultAddress;
  public final BridgeVault vault;
  public final long deploymentBlock;

  /** Raw JSON-RPC response for anvil's own methods. */
  public static final class Raw extends Response<Object> {}

  public L1Chain(TestFederation federation, List<VaultDeployer.TokenLimits> tokens)
      throws Exception {
    this(federation.groupKey, federation.members, tokens);
  }

  /** A fresh anvil with a vault for this federation (e.g. one a real DKG confirmed). */
  public L1Chain(
      org.fedbridge.core.bls.PublicKey groupKey,
      org.fedbridge.core.threshold.MemberSet members,
      List<VaultDeployer.TokenLimits> tokens)
      throws Exception {
    this.anvil = Anvil.start("--slots-in-an-epoch", "2");
    this.service = new HttpService(anvil.rpcUrl());
    this.web3j = Web3j.build(service);
    this.deployer = Credentials.create(anvil.privateKeys().get(0));
    this.user = Credentials.create(anvil.privateKeys().get(1));
    VaultDeployer.Deployment d =
        VaultDeployer.deploy(
            web3j,
            deployer,
            anvil.chainId(),
            VaultDeployer.Config.forFederation(
                SIDECHAIN_ID, groupKey, members, List.of(deployer.getAddress()), tokens, DELAYS));
    this.vaultAddress = d.vaultAddress();
    this.deploymentBlock = d.blockNumber().longValueExact();
    this.vault = VaultDeployer.load(web3j, user, anvil.chainId(), vaultAddress);
  }

  /**
   * The vault's clocks on this test chain: a loosening change waits 2 s in the governance queue, a
   * withdrawal root 1 s in its challenge period ({@link #advance} moves time past them).
   */
  public static final VaultDeployer.Delays DELAYS = new VaultDeployer.Delays(2, 1);

  /** ETH limits that never get in the way. */
  public static VaultDeployer.TokenLimits generousEth() {
    return VaultDeployer.TokenLimits.eth(ether(1_000_000), 86_400, ether(1_000_000), 0);
  }

  public static BigInteger ether(long n) {
    return Convert.toWei(BigInteger.valueOf(n).toString(), Convert.Unit.ETHER).toBigInteger();
  }

  /** The digest domain of epoch 0 of this deployment. */
  public Domain domain() {
    return new Domain(
        UInt256.of(anvil.chainId()),
        Address.fromHex(vaultAddress),
        new UInt256(SIDECHAIN_ID),
        UInt256.ZERO);
  }

  /** Deposits ETH for {@code recipient} in its own block; returns the receipt. */
  public TransactionReceipt depositEth(BigInteger wei) throws Exception {
    return vault.depositETH(user.getAddress(), wei).send();
  }

  /** {@code count} ETH deposits in one block (automine off while they are sent). */
  public long depositsInOneBlock(int count, BigInteger weiEach) throws Exception {
    rpc("evm_setAutomine", false);
    List<String> hashes = new ArrayList<>();
    try {
      FastRawTransactionManager tm =
          new FastRawTransactionManager(
              web3j,
              user,
              anvil.chainId(),
              new PollingTransactionReceiptProcessor(web3j, 100, 600));
      BridgeVault v = BridgeVault.load(vaultAddress, web3j, tm, VaultDeployer.gasProvider(web3j));
      String data = v.depositETH(user.getAddress(), weiEach).encodeFunctionCall();
      for (int i = 0; i < count; i++) {
        EthSendTransaction sent =
            tm.sendEIP1559Transaction(
                anvil.chainId(),
                web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas(),
                BigInteger.valueOf(50_000_000_000L),
                BigInteger.valueOf(300_000),
                vaultAddress,
                data,
                weiEach);
        if (sent.hasError()) {
          throw new IllegalStateException(sent.getError().getMessage());
        }
        hashes.add(sent.getTransactionHash());
      }
      mine(1);
    } finally {
      rpc("evm_setAutomine", true);
    }
    TransactionReceipt first =
        web3j.ethGetTransactionReceipt(hashes.get(0)).send().getTransactionReceipt().orElseThrow();
    for (String h : hashes) {
      TransactionReceipt r =
          web3j.ethGetTransactionReceipt(h).send().getTransactionReceipt().orElseThrow();
      if (!r.isStatusOK() || !r.getBlockNumber().equals(first.getBlockNumber())) {
        throw new IllegalStateException("deposit " + h + " did not land in one block");
      }
    }
    return first.getBlockNumber().longValueExact();
  }

  /** Moves the chain's clock {@code seconds} forward and mines a block at the new time. */
  public void advance(long seconds) throws IOException {
    rpc("evm_increaseTime", seconds);
    rpc("evm_mine");
  }

  public void mine(int blocks) throws IOException {
    rpc("anvil_mine", "0x" + Integer.toHexString(blocks));
  }

  /** Replaces the last {@code depth} blocks with empty ones (their transactions are dropped). */
  public void reorg(int depth) throws IOException {
    rpc("anvil_reorg", depth, List.of());
  }

  public String snapshot() throws IOException {
    return (String) rpc("evm_snapshot");
  }

  public void revert(String snapshot) throws IOException {
    rpc("evm_revert", snapshot);
  }

  public long head() throws IOException {
    return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
  }

  public long finalized() throws IOException {
    EthBlock.Block b =
        web3j.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false).send().getBlock();
    return b.getNumber().longValueExact();
  }

  public Bytes32 hashOf(long number) throws IOException {
    return Bytes32.fromHex(
        web3j
            .ethGetBlockByNumber(
                org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(number)),
                false)
            .send()
            .getBlock()
            .getHash());
  }

  /** Mines until {@code block} is final. */
  public void finalizeBlock(long block) throws IOException {
    long need = block + FINALITY_DEPTH - head();
    if (need > 0) {
      mine((int) need);
    }
  }

  public Object rpc(String method, Object... params) throws IOException {
    Raw r = new Request<>(method, List.of(params), service, Raw.class).send();
    if (r.hasError()) {
      throw new IOException(method + ": " + r.getError().getMessage());
    }
    return r.getResult();
  }

  @Override
  public void close() {
    web3j.shutdown();
    anvil.close();
  }
}
