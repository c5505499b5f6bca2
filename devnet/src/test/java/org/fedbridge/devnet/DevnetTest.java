package org.fedbridge.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the launcher as a user would (in its own JVM), twice in the same directory: everything comes
 * up, devnet.json describes it, and SIGTERM (what Ctrl-C sends through the script's exec) stops
 * every process it started. The first run makes the README's round trip; the second starts a
 * standby validator ({@code --standby 1}), adds it to the federation from the admin console ({@link
 * ConsoleRotation}), then pauses and unpauses the vault from the console ({@link ConsolePause}).
 */
class DevnetTest {
  private static final Path ROOT =
      Path.of(System.getProperty("fedbridge.root", "..")).toAbsolutePath();
  private static final Path DIR = Path.of("target", "devnet-test").toAbsolutePath();

  @Test
  void startsEverythingWritesDevnetJsonAndStopsCleanlyTwice() throws Exception {
    runOnce(1);
    runOnce(2);
  }

  /**
   * Epoch 0 came from the validators' DKG: devnet.json names it, the sidechain and every validator
   * hold the same key, each validator signs for it with its own share, and its transcript verifies.
   */
  private void assertFederation(JsonNode devnet) throws Exception {
    JsonNode fed = devnet.at("/federation");
    String groupKey = fed.get("groupPublicKey").asText();
    assertThat(groupKey).matches("0x[0-9a-f]{192}");
    assertThat(fed.get("threshold").asInt()).isEqualTo(2);
    assertThat(fed.get("members")).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode m = fed.get("members").get(i);
      assertThat(m.get("index").asInt()).isEqualTo(i + 1);
      assertThat(m.get("operatorId").asText()).isEqualTo("devnet-op-" + (i + 1));
      assertThat(m.get("identityPublicKey").asText()).matches("0x0[23][0-9a-f]{64}");
      assertThat(m.get("sharePublicKey").asText()).matches("0x[0-9a-f]{192}");
      assertThat(m.get("url").asText()).isEqualTo(fed.at("/validators/" + i + "/url").asText());
    }
    JsonNode onSidechain = Http.rpc(devnet.at("/sidechain/rpc").asText(), "bridge_epoch");
    assertThat(onSidechain.get("groupPublicKey").asText()).isEqualTo(groupKey);
    assertThat(onSidechain.get("membersHash").asText()).isEqualTo(fed.get("membersHash").asText());
    // Each validator sees epoch 0 active on L1 and the sidechain, as its own DKG produced it.
    for (int i = 0; i < 2; i++) {
      String url = fed.get("members").get(i).get("url").asText() + "/federation";
      await("validator " + (i + 1) + " sees epoch 0 active")
          .atMost(Duration.ofSeconds(60))
          .until(() -> Http.getJson(url).at("/current/epoch").isNumber());
      JsonNode current = Http.getJson(url).get("current");
      assertThat(current.get("groupPublicKey").asText()).isEqualTo(groupKey);
      assertThat(current.get("myIndex").asInt()).isEqualTo(i + 1);
    }
    // The share keystores exist; the devnet itself never held a share.
    for (int i = 1; i <= 2; i++) {
      assertThat(DIR.resolve("keys/validator-" + i + "/share-epoch-0.json")).exists();
    }
    Process verify =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                ROOT.resolve("bridge-validator/target/bridge-validator.jar").toString(),
                "dkg",
                "verify",
                fed.get("transcript").asText())
            .redirectErrorStream(true)
            .start();
    String printed = new String(verify.getInputStream().readAllBytes());
    assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(verify.exitValue()).as(printed).isZero();
    assertThat(printed).contains("group key " + groupKey).contains("OK:");
  }

  /** The relayer sends from its own funded key, and says so in devnet.json and its API. */
  private static void assertRelayer(JsonNode devnet, String l1Rpc) throws Exception {
    String gas = devnet.at("/relayer/gasAccount").asText();
    assertThat(gas).matches("0x[0-9a-f]{40}");
    String balance = Http.rpc(l1Rpc, "eth_getBalance", gas, "latest").asText();
    assertThat(new BigInteger(balance.substring(2), 16)).isPositive();
    await("the relayer reports its gas account")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              var r =
                  java.net.http.HttpClient.newHttpClient()
                      .send(
                          java.net.http.HttpRequest.newBuilder(
                                  java.net.URI.create(
                                      devnet.at("/relayer/api").asText() + "/status"))
                              .build(),
                          java.net.http.HttpResponse.BodyHandlers.ofString());
              JsonNode status = Http.JSON.readTree(r.body());
              return status.path("submitting").asBoolean()
                  && gas.equalsIgnoreCase(status.path("gasAccount").asText())
                  && status.path("l1Head").asLong() > 0;
            });
    Path keystore = DIR.resolve("relayer");
    try (var files = Files.list(keystore)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .contains("password")
          .anyMatch(name -> name.startsWith("UTC--"));
    }
    assertThat(java.nio.file.Files.getPosixFilePermissions(keystore.resolve("password")))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  private void runOnce(int round) throws Exception {
    Files.createDirectories(DIR.getParent());
    // The previous round's file would otherwise be read before the launcher wipes the directory.
    Files.deleteIfExists(DIR.resolve("devnet.json"));
    Path launcherLog = DIR.getParent().resolve("devnet-launcher-" + round + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Devnet.class.getName());
    command.addAll(
        List.of("--dir", DIR.toString(), "--root", ROOT.toString(), "--validators", "2"));
    if (round == 2) {
      command.addAll(List.of("--standby", "1"));
    }
    // A devnet.json left by the previous round (or build) must not pass for this round's: the
    // launcher wipes the directory only once its JVM is up, which can take seconds on a busy
    // machine.
    Files.deleteIfExists(DIR.resolve("devnet.json"));
    Process launcher =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(launcherLog.toFile())
            .start();
    Path json = DIR.resolve("devnet.json");
    try {
      await("devnet.json, round " + round)
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> Files.exists(json) || !launcher.isAlive());
      assertThat(launcher.isAlive()).as("launcher alive; log: " + launcherLog).isTrue();

      JsonNode devnet = Http.JSON.readTree(json.toFile());
      String l1Rpc = devnet.at("/l1/rpc").asText();
      assertThat(devnet.at("/l1/chainId").asLong()).isEqualTo(31337);
      assertThat(Http.rpc(devnet.at("/l1/rpc").asText(), "eth_chainId").asText())
          .isEqualTo("0x7a69");
      assertThat(devnet.at("/sidechain/chainId").asLong()).isEqualTo(1337);
      String vault = devnet.at("/l1/vault").asText();
      assertThat(vault).matches("0x[0-9a-fA-F]{40}");
      assertThat(Http.rpc(devnet.at("/l1/rpc").asText(), "eth_getCode", vault, "latest").asText())
          .as("vault has code")
          .hasSizeGreaterThan(1000);
      // The vault runs with the devnet's short clocks (seconds), as devnet.json says.
      assertThat(devnet.at("/l1/governanceDelaySeconds").asLong()).isEqualTo(30);
      assertThat(devnet.at("/l1/challengePeriodSeconds").asLong()).isEqualTo(10);
      assertThat(vaultUint(l1Rpc, vault, "governanceDelay()")).isEqualTo(30);
      assertThat(vaultUint(l1Rpc, vault, "challengePeriod()")).isEqualTo(10);
      String l1Token = devnet.at("/l1/tokens/TKN").asText();
      assertThat(l1Token).matches("0x[0-9a-fA-F]{40}");
      assertThat(devnet.at("/sidechain/tokens/TKN").asText()).matches("0x[0-9a-fA-F]{40}");
      // Dev accounts hold ETH on the sidechain from genesis.
      String firstAccount = devnet.at("/accounts/0/address").asText();
      String sidechainBalance =
          Http.rpc(devnet.at("/sidechain/rpc").asText(), "eth_getBalance", firstAccount, "latest")
              .asText();
      assertThat(new BigInteger(sidechainBalance.substring(2), 16)).isEqualTo(Genesis.DEV_BALANCE);
      for (String url :
          List.of(
              devnet.at("/sidechain/rpc").asText(),
              devnet.at("/relayer/url").asText(),
              devnet.at("/admin/url").asText(),
              devnet.at("/federation/validators/0/url").asText(),
              devnet.at("/federation/validators/1/url").asText())) {
        assertThat(Http.ok(url + "/actuator/health/readiness")).as(url).isTrue();
      }
      String[] kafka = devnet.at("/kafka/bootstrapServers").asText().split(":");
      assertThat(Ports.isListening(kafka[0], Integer.parseInt(kafka[1]))).isTrue();
      try (Connection c = DriverManager.getConnection(devnet.at("/postgres/jdbcUrl").asText())) {
        var schemas =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM information_schema.schemata WHERE schema_name IN"
                        + " ('sidechain', 'validator_1', 'validator_2', 'relayer', 'admin')");
        schemas.next();
        assertThat(schemas.getInt(1)).as("one schema per service instance").isEqualTo(5);
      }
      assertFederation(devnet);
      assertAdmin(devnet, launcherLog);
      assertRelayer(devnet, l1Rpc);
      assertThat(devnet.at("/accounts")).hasSize(5);
      for (JsonNode account : devnet.at("/accounts")) {
        assertThat(account.get("address").asText()).matches("0x[0-9a-f]{40}");
        assertThat(account.get("privateKey").asText()).matches("0x[0-9a-f]{64}");
      }
      // Account 0 deployed the vault and paid its gas; the others are untouched.
      List<BigInteger> balances = new ArrayList<>();
      for (JsonNode account : devnet.at("/accounts")) {
        String hex =
            Http.rpc(l1Rpc, "eth_getBalance", account.get("address").asText(), "latest").asText();
        balances.add(new BigInteger(hex.substring(2), 16));
      }
      assertThat(balances.get(0)).isPositive().isLessThan(Genesis.DEV_BALANCE);
      assertThat(balances.subList(1, balances.size())).containsOnly(Genesis.DEV_BALANCE);
      if (round == 1) {
        // The README's round trip (deposits minted, a withdrawal certified, posted and paid).
        new RoundTrip(devnet).run();
        assertThat(devnet.at("/federation/standby")).isEmpty();
      } else {
        // The README's rotation from the console: the standby joins as the third member.
        assertThat(devnet.at("/federation/standby")).hasSize(1);
        assertThat(devnet.at("/federation/standby/0/operatorId").asText()).isEqualTo("devnet-op-3");
        assertThat(DIR.resolve("keys/validator-3/identity.json")).exists();
        assertThat(DIR.resolve("keys/validator-3/share-epoch-0.json")).doesNotExist();
        ConsoleRotation.Admins admins = new ConsoleRotation(devnet).run();
        // Then the README's pause and unpause: certified by the new epoch.
        new ConsolePause(devnet).run(admins.bootstrap(), admins.second());
      }
    } finally {
      List<ProcessHandle> children = launcher.descendants().toList();
      launcher.destroy(); // SIGTERM
      assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("launcher exits on SIGTERM").isTrue();
      await("no process left behind, round " + round)
          .atMost(Duration.ofSeconds(30))
          .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    }
    assertThat(Files.readString(launcherLog)).contains("devnet: stopped");
  }

  /**
   * The admin console: its bootstrap token is printed once and kept in an owner-only file under
   * .devnet/, it signs in, and the console knows the devnet's federation and governance key.
   */
  private static void assertAdmin(JsonNode devnet, Path launcherLog) throws Exception {
    Path tokenFile = Path.of(devnet.at("/admin/bootstrapTokenFile").asText());
    assertThat(tokenFile).startsWith(DIR);
    assertThat(java.nio.file.Files.getPosixFilePermissions(tokenFile))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    String token = Files.readString(tokenFile).strip();
    assertThat(token).startsWith("fba_");
    String log = Files.readString(launcherLog);
    assertThat(log.split(java.util.regex.Pattern.quote(token), -1))
        .as("token printed once")
        .hasSize(2);
    String admin = devnet.at("/admin/url").asText();
    java.net.http.HttpResponse<String> federation =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin + "/api/federation"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(federation.statusCode()).isEqualTo(200);
    JsonNode epoch = Http.JSON.readTree(federation.body()).path("epoch");
    assertThat(epoch.path("epoch").asLong()).isZero();
    assertThat(epoch.path("members")).hasSize(devnet.at("/federation/members").size());
    assertThat(devnet.at("/admin/governanceKey").asText()).matches("0x0[23][0-9a-f]{64}");
  }

  /** A vault view without arguments that returns one uint256, read with eth_call. */
  private static long vaultUint(String rpc, String vault, String signature) {
    String selector = org.web3j.crypto.Hash.sha3String(signature).substring(0, 10);
    String result =
        Http.rpc(rpc, "eth_call", java.util.Map.of("to", vault, "data", selector), "latest")
            .asText();
    return new BigInteger(result.substring(2), 16).longValueExact();
  }
}
