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
import org.fedbridge.sidechain.testing.JsonRpcClient;
import org.fedbridge.sidechain.testing.SmallLimitsNode;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;

/**
 * State reads at a past block (eth_getBalance, eth_getTransactionCount, eth_call of the ERC-20)
 * answer as they did at that block inside the window (4 blocks here), and with the clear error
 * beyond it.
 */
class HistoricalStateTest extends SmallLimitsNode {
  private static final TestAccounts.Account JUDY = TestAccounts.derived("sample", 2);
  private static final Address TOKEN = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN);

  record Reading(String balance, String nonce, String tokenBalance) {}

  private Reading read(JsonRpcClient rpc, Address who, String block) throws Exception {
    return new Reading(
        rpc.result("eth_getBalance", who.toHex(), block).asText(),
        rpc.result("eth_getTransactionCount", who.toHex(), block).asText(),
        rpc.result(
                "eth_call",
                Map.of("to", TOKEN.toHex(), "data", Hex.encode(Abis.balanceOf(who))),
                block)
            .asText());
  }

  @Test
  void readsAtPastBlocksAnswerAsTheyDidThenInsideTheWindowOnly() throws Exception {
    JsonRpcClient rpc = rpc();
    Address kim = TestAccounts.derived("history-kim", 0).address();
    List<Long> blocks = new ArrayList<>();
    List<Reading> then = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long nonce = rpc.nonce(JUDY.address());
      String hash =
          rpc.result(
                  "eth_sendRawTransaction",
                  Hex.encode(
                      TestAccounts.transfer(JUDY, CHAIN, nonce, kim, BigInteger.valueOf(100 + i))))
              .asText();
      JsonNode receipt = rpc.awaitReceipt(hash);
      String block = receipt.get("blockNumber").asText();
      blocks.add(Long.decode(block));
      then.add(read(rpc, kim, "latest"));
      // read at the block itself right away: the same as latest, while it is the head
      assertThat(read(rpc, kim, block)).isEqualTo(then.get(i));
    }
    long head = JsonRpcClient.quantity(rpc.result("eth_blockNumber")).longValueExact();
    for (int i = 0; i < blocks.size(); i++) {
      long n = blocks.get(i);
      String at = "0x" + Long.toHexString(n);
      if (n >= head - HISTORY_BLOCKS) {
        assertThat(read(rpc, kim, at)).as("block %d", n).isEqualTo(then.get(i));
        // EIP-1898: the same block by hash
        String hash = rpc.result("eth_getBlockByNumber", at, false).get("hash").asText();
        assertThat(rpc.result("eth_getBalance", kim.toHex(), Map.of("blockHash", hash)).asText())
            .isEqualTo(then.get(i).balance());
      } else {
        JsonNode refused = rpc.call("eth_getBalance", kim.toHex(), at);
        assertThat(refused.get("error").get("code").asInt()).isEqualTo(-32000);
        assertThat(refused.get("error").get("message").asText())
            .startsWith(
                "historical state not available: this node keeps the state of the latest block"
                    + " and the 4 before it");
      }
    }
    assertThat(blocks.get(0)).isLessThan(head - HISTORY_BLOCKS); // some did leave the window
  }
}
