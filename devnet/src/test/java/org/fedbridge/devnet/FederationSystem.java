package org.fedbridge.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.contracts.VaultDeployer;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The bridge's moving parts as real processes that a test can stop, kill and restart one by one:
 * PostgreSQL, a Kafka broker, anvil with the vault, a sidechain node and n validators that ran
 * their DKG (the devnet's own building blocks, without the launcher, which stops everything when
 * one part dies). Each validator has its own schema, keys and operator token.
 */
final class FederationSystem implements AutoCloseable {
  static final String OPERATOR_TOKEN = "fault-test-operator-token-0123456789abcdef";

  final Path dir;
  final Path logs;
  final Path root;
  private final Ports ports = new Ports();
  private final List<AutoCloseable> infrastructure = new ArrayList<>();
  private final Postgres postgres;
  private final int kafkaPort;
  private final Path kafkaConfig;
  private ChildProcess kafka;
  final String l1;
  final String vault;
  final String l1Token;
  final List<DevAccount> accounts;
  private ChildProcess sidechainProcess;
  final String sidechain;
  private final List<String> db;
  private final List<DevKeys.Validator> keys;
  private final List<Integer> validatorPorts = new ArrayList<>();
  private final ChildProcess[] validators;

  FederationSystem(Path dir, int n) throws IOException {
    this.root = Path.of(System.getProperty("fedbridge.root", "..")).toAbsolutePath().normalize();
    this.dir = dir.toAbsolutePath();
    if (Files.exists(this.dir)) {
      try (var paths = Files.walk(this.dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    this.logs = Files.createDirectories(this.dir.resolve("logs"));
    Files.createDirectories(this.dir.resolve("tmp"));
    postgres = Postgres.embedded(this.dir.resolve("postgres"), ports.any());
    infrastructure.add(postgres);
    kafkaPort = ports.any();
    kafka = KafkaBroker.start(this.dir.resolve("kafka"), kafkaPort, ports.any(), logs);
    kafkaConfig = this.dir.resolve("kafka/server.properties");
    int l1Port = ports.any();
    infrastructure.add(Anvil.start(root, l1Port, logs));
    l1 = "http://127.0.0.1:" + l1Port;
    accounts = DevAccount.derive(3);
    for (DevAccount a : accounts) {
      Http.rpc(l1, "anvil_setBalance", a.address(), "0x" + Genesis.DEV_BALANCE.toString(16));
    }
    db =
        List.of(
            "--spring.datasource.url=" + postgres.jdbcUrl(),
            "--spring.datasource.username=" + postgres.username(),
            "--spring.datasource.password=" + postgres.password());
    keys = DevKeys.create(this.dir, n);
    Path spec = DevDkg.writeSpec(this.dir, Anvil.CHAIN_ID, 1337, keys);
    DevDkg.Federation federation =
        DevDkg.run(root, this.dir, spec, keys, db, bootstrap(), logs, c -> {}, c -> {});
    L1Setup.Token token;
    try (L1Setup setup = new L1Setup(l1, Anvil.CHAIN_ID, accounts.get(0))) {
      token = setup.deployToken(accounts);
      vault = setup.deployVault(1337, federation, token).vaultAddress();
    }
    l1Token = token.address();
    Path genesis = this.dir.resolve("genesis.json");
    Genesis.write(genesis, 1337, Anvil.CHAIN_ID, vault, federation, List.of(token), accounts, null);
    Files.writeString(this.dir.resolve("operator-token"), OPERATOR_TOKEN);
    Service node =
        Service.start(
            "sidechain-node",
            Service.jar(root, "sidechain-node"),
            ports.any(),
            concat(
                db,
                "--bridge.sidechain.chain-id=1337",
                "--bridge.sidechain.kafka.bootstrap-servers=" + bootstrap(),
                "--bridge.sidechain.genesis=" + genesis),
            this.dir,
            logs);
    sidechainProcess = node.process();
    sidechain = node.url();
    validators = new ChildProcess[n];
    for (int k = 1; k <= n; k++) {
      validatorPorts.add(ports.any());
    }
    List<Service> started = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      started.add(startValidator(k));
    }
    node.awaitReady(Devnet.READY_TIMEOUT);
    for (Service s : started) {
      s.awaitReady(Devnet.READY_TIMEOUT);
    }
  }

  String bootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  String validatorUrl(int k) {
    return "http://127.0.0.1:" + validatorPorts.get(k - 1);
  }

  /** Starts validator {@code k} (again): same schema, keys and port. */
  Service startValidator(int k) {
    List<String> own = new ArrayList<>(db);
    own.addAll(Service.schema("validator_" + k));
    own.addAll(DevKeys.settings(dir, keys.get(k - 1)));
    Service member =
        Service.start(
            "validator-" + k,
            Service.jar(root, "bridge-validator"),
            validatorPorts.get(k - 1),
            concat(
                own,
                "--bridge.validator.operator-id=" + DevKeys.operatorId(k),
                "--bridge.validator.l1.rpc-url=" + l1,
                "--bridge.validator.l1.chain-id=" + Anvil.CHAIN_ID,
                "--bridge.validator.l1.vault=" + vault,
                "--bridge.validator.l1.poll-interval=200ms",
                "--bridge.validator.sidechain.rpc-url=" + sidechain,
                "--bridge.validator.sidechain.chain-id=1337",
                "--bridge.validator.kafka.bootstrap-servers=" + bootstrap(),
                "--bridge.validator.operator-api.token-file=" + dir.resolve("operator-token"),
                "--bridge.validator.submit.others-delay=500ms"),
            dir,
            logs);
    validators[k - 1] = member.process();
    return member;
  }

  /** Stops validator {@code k}: SIGTERM, or SIGKILL when {@code kill}. */
  void stopValidator(int k, boolean kill) {
    ChildProcess p = validators[k - 1];
    if (kill) {
      p.kill();
    } else {
      p.close();
    }
  }

  void restartValidator(int k) {
    startValidator(k).awaitReady(Devnet.READY_TIMEOUT);
  }

  /** Stops the broker (SIGKILL: no clean shutdown) and starts it again on its data. */
  void restartKafka() {
    kafka.kill();
    kafka =
        ChildProcess.start(
            "kafka",
            Jvm.command("-Xmx512m", "kafka.Kafka", kafkaConfig.toString()),
            dir.resolve("kafka"),
            logs.resolve("kafka.log"));
    Waits.until(
        "Kafka on 127.0.0.1:" + kafkaPort,
        Duration.ofSeconds(60),
        () -> Ports.isListening("127.0.0.1", kafkaPort),
        kafka::checkAlive);
  }

  /** A fresh address (nothing in genesis: its sidechain balance is exactly what was minted). */
  static String freshAddress() {
    try {
      return Credentials.create(Keys.createEcKeyPair()).getAddress();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deposits {@code wei} for {@code recipient} from account {@code from}; the L1 block number. */
  long depositEth(int from, String recipient, BigInteger wei) throws Exception {
    Web3j web3j = Web3j.build(new HttpService(l1));
    try {
      return VaultDeployer.load(
              web3j, Credentials.create(accounts.get(from).privateKey()), Anvil.CHAIN_ID, vault)
          .depositETH(recipient, wei)
          .send()
          .getBlockNumber()
          .longValueExact();
    } finally {
      web3j.shutdown();
    }
  }

  BigInteger sidechainEth(String address) {
    String hex = Http.rpc(sidechain, "eth_getBalance", address, "latest").asText();
    return new BigInteger(hex.substring(2), 16);
  }

  /** Validator {@code k}'s status (its REST API), or a missing node. */
  JsonNode status(int k) {
    return Http.getJson(validatorUrl(k) + "/api/v1/status");
  }

  JsonNode certificate(int k, String type, long batchId) {
    return Http.getJson(validatorUrl(k) + "/api/v1/certificates/" + type + "/" + batchId);
  }

  /** Validator {@code k}'s signing-protection export, as its operator fetches it. */
  JsonNode signingProtection(int k) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(validatorUrl(k) + "/api/signing-protection"))
            .header("Authorization", "Bearer " + OPERATOR_TOKEN)
            .build();
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return Http.JSON.readTree(response.body());
  }

  @Override
  public void close() {
    for (ChildProcess v : validators) {
      if (v != null) {
        v.close();
      }
    }
    if (sidechainProcess != null) {
      sidechainProcess.close();
    }
    kafka.close();
    for (int i = infrastructure.size() - 1; i >= 0; i--) {
      try {
        infrastructure.get(i).close();
      } catch (Exception e) {
        System.err.println("closing: " + e.getMessage());
      }
    }
  }

  private static List<String> concat(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }
}
