package org.fedbridge.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.web3j.crypto.Hash;

/**
 * The README's pause and unpause from the console on a running devnet, through admin-api's public
 * REST API as the web page calls it: a PAUSER pauses the vault at once with the console's pauser
 * key; an UNPAUSE proposal for that pause is approved by two admins, published after the timelock,
 * certified by the federation and queued on L1 by the console, and after the vault's governance
 * delay the vault runs again.
 */
final class ConsolePause {
  private final AdminClient admin;
  private final String l1Rpc;
  private final String vault;

  ConsolePause(JsonNode devnet) {
    this.admin = new AdminClient(devnet.at("/admin/url").asText());
    this.l1Rpc = devnet.at("/l1/rpc").asText();
    this.vault = devnet.at("/l1/vault").asText();
  }

  /** Pauses and unpauses; {@code bootstrap} and {@code second} are two distinct admins' tokens. */
  void run(String bootstrap, String second) throws Exception {
    String pauser =
        admin
            .call(
                "POST",
                "/api/principals",
                bootstrap,
                "{\"name\":\"pauser-1\",\"roles\":[\"PAUSER\"]}")
            .get("token")
            .asText();
    assertThat(vaultUint("paused()")).isZero();
    long pausesBefore = vaultUint("pauseCount()");
    admin.call(
        "POST", "/api/pause", pauser, "{\"confirm\":\"PAUSE\",\"reason\":\"devnet test drill\"}");
    await("the vault is paused")
        .atMost(Duration.ofMinutes(1))
        .until(() -> vaultUint("paused()") == 1);
    long pauseCount = vaultUint("pauseCount()");
    assertThat(pauseCount).isEqualTo(pausesBefore + 1);
    assertThat(admin.call("GET", "/api/pause", pauser, null).get("paused").asBoolean()).isTrue();

    long id =
        admin
            .call(
                "POST",
                "/api/proposals",
                bootstrap,
                "{\"kind\":\"UNPAUSE\",\"pauseCount\":"
                    + pauseCount
                    + ",\"reason\":\"devnet test drill over\"}")
            .get("id")
            .asLong();
    assertThat(admin.call("POST", "/api/proposals/" + id + "/approve", second, null).get("state"))
        .hasToString("\"APPROVED\"");
    await("the federation's Unpause executed on L1")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                vaultUint("paused()") == 0
                    && admin
                        .call("GET", "/api/pause", second, null)
                        .at("/unpauses/0/stage")
                        .asText()
                        .equals("EXECUTED"));
    assertThat(admin.call("GET", "/api/pause", second, null).get("paused").asBoolean()).isFalse();
  }

  private long vaultUint(String signature) {
    String data = Hash.sha3String(signature).substring(0, 10);
    String out = Http.rpc(l1Rpc, "eth_call", Map.of("to", vault, "data", data), "latest").asText();
    return new BigInteger(out.substring(2), 16).longValueExact();
  }
}
