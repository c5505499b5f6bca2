package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.ProjectRoot;
import org.junit.jupiter.api.Test;

/** Foundry's cast, the standard command-line client, against a running node. */
class CastClientTest extends RunningNodeTest {
  private static final TestAccounts.Account DAVE = TestAccounts.derived("sample", 0);

  private record Run(int exit, String out, String err) {}

  private Run cast(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProjectRoot.npmBinary("cast").toString());
    command.addAll(List.of(args));
    command.add("--rpc-url");
    command.add(url());
    Process p = new ProcessBuilder(command).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8).trim(),
        new String(err, StandardCharsets.UTF_8).trim());
  }

  private Run ok(String... args) throws Exception {
    Run r = cast(args);
    assertThat(r.exit()).as("cast %s: %s", String.join(" ", args), r.err()).isZero();
    return r;
  }

  @Test
  void castSendsEtherAndTokensAndReadsBalancesCallsReceiptsAndLogs() throws Exception {
    String erin = TestAccounts.derived("cast-erin", 0).address().toHex();
    String token = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN).toHex();
    mint(
        200,
        List.of(tokenDeposit(200, DAVE.address(), TestGenesis.ETHER.multiply(BigInteger.TEN))));

    Run sent =
        ok("send", "--private-key", DAVE.privateKeyHex(), erin, "--value", "2ether", "--json");
    JsonNode receipt = JSON.readTree(sent.out());
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");

    assertThat(ok("balance", erin).out()).isEqualTo("2000000000000000000");

    Run tokenSent =
        ok(
            "send",
            "--private-key",
            DAVE.privateKeyHex(),
            token,
            "transfer(address,uint256)",
            erin,
            "3000",
            "--json");
    String hash = JSON.readTree(tokenSent.out()).get("transactionHash").asText();

    assertThat(ok("call", token, "balanceOf(address)(uint256)", erin).out()).isEqualTo("3000");
    assertThat(ok("call", token, "symbol()(string)").out()).isEqualTo("\"TKN\"");

    JsonNode r = JSON.readTree(ok("receipt", hash, "--json").out());
    assertThat(r.get("status").asText()).isEqualTo("0x1");
    assertThat(r.get("logs")).hasSize(1);

    Run logs =
        ok(
            "logs",
            "--from-block",
            "0",
            "--address",
            token,
            "Transfer(address,address,uint256)",
            "--json");
    JsonNode found = JSON.readTree(logs.out());
    assertThat(found.findValuesAsText("transactionHash")).contains(hash);

    // geth's wording reaches the user through cast: a transfer this account cannot pay for.
    Run refused =
        cast(
            "send",
            "--private-key",
            TestAccounts.derived("cast-poor", 0).privateKeyHex(),
            erin,
            "--value",
            "1ether",
            "--gas-limit",
            "21000",
            "--gas-price",
            "0",
            "--legacy");
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.err()).contains("insufficient funds");
    assertThat(balance(Address.fromHex(erin))).isEqualTo(new BigInteger("2000000000000000000"));
  }
}
