package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.testing.Abis;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;

/** Filters over HTTP, for clients that poll: log, block and pending-transaction filters. */
class LogFiltersTest extends RunningNodeTest {
  private static final TestAccounts.Account HEIDI = TestAccounts.derived("sample", 1);
  private static final Address TOKEN = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);

  private String transfer(long nonce, Address to, long amount) throws Exception {
    BigInteger z = BigInteger.ZERO;
    return result(
            "eth_sendRawTransaction",
            Hex.encode(
                TestAccounts.eip1559(
                    HEIDI,
                    CHAIN,
                    nonce,
                    z,
                    z,
                    100_000,
                    TOKEN,
                    z,
                    Abis.transfer(to, BigInteger.valueOf(amount)))))
        .asText();
  }

  @Test
  void logBlockAndPendingFiltersReturnWhatHappenedSinceTheLastPoll() throws Exception {
    mint(500, List.of(tokenDeposit(500, HEIDI.address(), BigInteger.valueOf(1_000))));
    Address ivan = TestAccounts.derived("filters-ivan", 0).address();
    String toIvan =
        result(
                "eth_newFilter",
                Map.of(
                    "address",
                    TOKEN.toHex(),
                    "topics",
                    java.util.Arrays.asList(
                        null, null, "0x000000000000000000000000" + ivan.toHex().substring(2))))
            .asText();
    String blocks = result("eth_newBlockFilter").asText();
    String pending = result("eth_newPendingTransactionFilter").asText();
    assertThat(toIvan).startsWith("0x").hasSize(34);
    assertThat(result("eth_getFilterChanges", toIvan)).isEmpty();

    long nonce = client().nonce(HEIDI.address());
    String first = transfer(nonce, ivan, 5);
    String notIvan = transfer(nonce + 1, HEIDI.address(), 1);
    String second = transfer(nonce + 2, ivan, 6);
    JsonNode receipt = awaitReceipt(second);

    List<String> logs = new ArrayList<>();
    result("eth_getFilterChanges", toIvan)
        .forEach(l -> logs.add(l.get("transactionHash").asText()));
    assertThat(logs).containsExactly(first, second);
    assertThat(result("eth_getFilterChanges", toIvan)).isEmpty(); // drained
    List<String> all = new ArrayList<>();
    result("eth_getFilterLogs", toIvan).forEach(l -> all.add(l.get("transactionHash").asText()));
    assertThat(all).contains(first, second).doesNotContain(notIvan);

    List<String> hashes = new ArrayList<>();
    result("eth_getFilterChanges", blocks).forEach(h -> hashes.add(h.asText()));
    assertThat(hashes).contains(receipt.get("blockHash").asText());
    List<String> txs = new ArrayList<>();
    result("eth_getFilterChanges", pending).forEach(h -> txs.add(h.asText()));
    assertThat(txs).containsSubsequence(first, notIvan, second);

    assertThat(result("eth_uninstallFilter", toIvan).asBoolean()).isTrue();
    assertThat(result("eth_uninstallFilter", toIvan).asBoolean()).isFalse();
    JsonNode gone = call("eth_getFilterChanges", toIvan);
    assertThat(gone.get("error").get("message").asText()).isEqualTo("filter not found");
    assertThat(call("eth_getFilterLogs", blocks).get("error").get("message").asText())
        .isEqualTo("filter not found");
  }
}
