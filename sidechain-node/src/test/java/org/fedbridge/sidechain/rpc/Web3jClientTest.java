package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.generated.ERC20;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;

/** web3j, unmodified, against a running node: ETH transfers, an ERC-20 wrapper, logs. */
class Web3jClientTest extends RunningNodeTest {
  private Web3j web3j;
  private Credentials alice;
  private RawTransactionManager manager;

  @BeforeEach
  void connect() {
    web3j = Web3j.build(new HttpService(url()));
    alice = Credentials.create(TestAccounts.ANVIL_KEY_0);
    manager =
        new RawTransactionManager(
            web3j, alice, CHAIN, new PollingTransactionReceiptProcessor(web3j, 50, 400));
  }

  @AfterEach
  void close() {
    web3j.shutdown();
  }

  @Test
  void transferSendFundsMovesEtherAndGetsAReceipt() throws Exception {
    String bob = TestAccounts.derived("web3j-bob", 0).address().toHex();
    assertThat(web3j.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(CHAIN));
    TransactionReceipt receipt =
        new Transfer(web3j, manager)
            .sendFunds(bob, new BigDecimal("1.5"), Convert.Unit.ETHER)
            .send();
    assertThat(receipt.isStatusOK()).isTrue();
    assertThat(web3j.ethGetBalance(bob, DefaultBlockParameterName.LATEST).send().getBalance())
        .isEqualTo(Convert.toWei("1.5", Convert.Unit.ETHER).toBigIntegerExact());
    var tx = web3j.ethGetTransactionByHash(receipt.getTransactionHash()).send().getTransaction();
    assertThat(tx).isPresent();
    assertThat(tx.get().getFrom()).isEqualTo(alice.getAddress());
    var block = web3j.ethGetBlockByHash(receipt.getBlockHash(), true).send().getBlock();
    assertThat(block.getNumber()).isEqualTo(receipt.getBlockNumber());
  }

  @Test
  void generatedErc20WrapperTransfersReadsBalancesAndFindsTheLogs() throws Exception {
    Address token = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);
    BigInteger hundred = TestGenesis.ETHER.multiply(BigInteger.valueOf(100));
    mint(100, List.of(tokenDeposit(100, Address.fromHex(alice.getAddress()), hundred)));
    ERC20 erc20 =
        ERC20.load(
            token.toHex(),
            web3j,
            manager,
            new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(100_000)));
    String carol = TestAccounts.derived("web3j-carol", 0).address().toHex();
    assertThat(erc20.symbol().send()).isEqualTo("TKN");
    assertThat(erc20.decimals().send()).isEqualTo(BigInteger.valueOf(18));
    TransactionReceipt receipt = erc20.transfer(carol, TestGenesis.ETHER).send();
    assertThat(receipt.isStatusOK()).isTrue();
    assertThat(erc20.balanceOf(carol).send()).isEqualTo(TestGenesis.ETHER);
    assertThat(ERC20.getTransferEvents(receipt)).hasSize(1);
    assertThat(ERC20.getTransferEvents(receipt).get(0).to).isEqualTo(carol);

    EthFilter filter =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, token.toHex());
    filter.addSingleTopic(EventEncoder.encode(ERC20.TRANSFER_EVENT));
    filter.addNullTopic();
    filter.addSingleTopic("0x000000000000000000000000" + carol.substring(2));
    EthLog logs = web3j.ethGetLogs(filter).send();
    assertThat(logs.hasError()).isFalse();
    assertThat(logs.getLogs()).hasSize(1);
    EthLog.LogObject log = (EthLog.LogObject) logs.getLogs().get(0);
    assertThat(log.getTransactionHash()).isEqualTo(receipt.getTransactionHash());
  }
}
