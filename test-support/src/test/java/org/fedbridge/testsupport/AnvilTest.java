package org.fedbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnvilTest {

  private static String rpc(String url, String method) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void sharedAnvilAnswersWithItsChainIdAndFundedAccounts() throws Exception {
    Anvil anvil = Anvil.shared();
    assertThat(rpc(anvil.rpcUrl(), "eth_chainId")).contains("\"result\":\"0x7a69\"");
    assertThat(anvil.privateKeys()).hasSize(10).allMatch(k -> k.matches("0x[0-9a-f]{64}"));
    assertThat(anvil.addresses()).hasSize(10);
    assertThat(anvil.devPrivateKey()).isEqualTo(Anvil.DEV_PRIVATE_KEY);
  }

  @Test
  void freshAnvilStopsWithoutLeavingAProcess() throws Exception {
    Anvil anvil = Anvil.start();
    ProcessHandle handle = ProcessHandle.of(anvil.pid()).orElseThrow();
    assertThat(rpc(anvil.rpcUrl(), "eth_blockNumber")).contains("\"result\":\"0x0\"");
    assertThat(anvil.port()).isNotEqualTo(Anvil.shared().port());
    anvil.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> !handle.isAlive());
  }
}
