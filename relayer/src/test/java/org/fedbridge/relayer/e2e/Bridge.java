package org.fedbridge.relayer.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fedbridge.contracts.VaultDeployer;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.contracts.generated.DevnetToken;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.relayer.RelayerApplication;
import org.fedbridge.testsupport.Anvil;
import org.fedbridge.testsupport.FreePorts;
import org.fedbridge.testsupport.ProjectRoot;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Convert;

/**
 * The started system every end-to-end test shares (one per test JVM): anvil mining a block a second
 * with the vault and a test ERC-20, a real sidechain-node from its jar, real Kafka and PostgreSQL,
 * and the relayer in its own JVM with a funded keystore key. The tests play the users and the
 * validators ({@link Validators}, certificates made with bridge-core by a dealt federation).
 */
final class Bridge {
  static final long SIDECHAIN_ID = 1337;
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  /** ETH: 1,000 a day; above 50 a withdrawal waits 12 s after its root is posted. */
  static final BigInteger ETH_DELAY_ABOVE = ether(50);

  static final long ETH_DELAY_SECONDS = 12;

  /** TKN: at most 100 per 40-second period; no delay. */
  static final BigInteger TKN_PERIOD_LIMIT = ether(100);

  static final long TKN_PERIOD_SECONDS = 40;

  /**
   * The vault's two clocks: loosening changes (unpause, rotation) wait 3 s in the governance queue;
   * every posted root waits 6 s before it pays (long enough for a test to revoke it inside).
   */
  static final VaultDeployer.Delays DELAYS = new VaultDeployer.Delays(3, 6);

  static final String CERTIFICATES = "it.certificates";
  static final String PARTIALS = "it.partials";

  private static Bridge instance;

  final Path dir = Path.of(System.getProperty("java.io.tmpdir"), "relayer-it").toAbsolutePath();
  final Anvil anvil;
  final Web3j l1;
  final TestFederation federation = TestFederation.deal(3, 4);
  final Credentials deployer;
  final Credentials pauser;
  final Credentials relayerKey;
  final List<Credentials> users = new ArrayList<>();
  final String vault;
  final long vaultBlock;
  final String token;
  final String sidechainToken;
  final ChildJvm sidechain;
  final String sidechainRpc;
  final KafkaProducer<byte[], byte[]> kafka;
  final Validators validators;
  final Path keystore;
  final Path passwordFile;
  final String relayerDb;
  private final int relayerPort = FreePorts.next();
  private ChildJvm relayer;

  static synchronized Bridge get() {
    if (instance == null) {
      try {
        instance = new Bridge();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the end-to-end system", e);
      }
    }
    return instance;
  }

  private Bridge() throws Exception {
    Files.createDirectories(dir);
    anvil = Anvil.start("--block-time", "1");
    Runtime.getRuntime().addShutdownHook(new Thread(anvil::close, "stop-it-anvil"));
    l1 = Web3j.build(new HttpService(anvil.rpcUrl()));
    deployer = Credentials.create(anvil.privateKeys().get(0));
    pauser = Credentials.create(anvil.privateKeys().get(1));
    relayerKey = Credentials.create(anvil.privateKeys().get(2));
    for (int i = 3; i < anvil.privateKeys().size(); i++) {
      users.add(Credentials.create(anvil.privateKeys().get(i)));
    }
    DevnetToken tkn =
        DevnetToken.deploy(
                l1,
                VaultDeployer.transactionManager(l1, deployer, anvil.chainId()),
                VaultDeployer.gasProvider(l1),
                "Test Token",
                "TKN",
                BigInteger.valueOf(18),
                users.stream().map(Credentials::getAddress).toList(),
                ether(1_000_000))
            .send();
    token = tkn.getContractAddress().toLowerCase();
    VaultDeployer.Deployment d =
        VaultDeployer.deploy(
            l1,
            deployer,
            anvil.chainId(),
            VaultDeployer.Config.forFederation(
                BigInteger.valueOf(SIDECHAIN_ID),
                federation.groupKey,
                federation.members,
                List.of(pauser.getAddress()),
                List.of(
                    VaultDeployer.TokenLimits.eth(
                        ether(1_000), 86_400, ETH_DELAY_ABOVE, ETH_DELAY_SECONDS),
                    new VaultDeployer.TokenLimits(
                        token, TKN_PERIOD_LIMIT, TKN_PERIOD_SECONDS, ether(1_000_000), 0)),
                DELAYS));
    vault = d.vaultAddress().toLowerCase();
    vaultBlock = d.blockNumber().longValueExact();
    // What earlier deposits left locked in the vault, so that any test's withdrawal is payable.
    Credentials whale = users.get(users.size() - 1);
    vaultAs(whale).depositETH(whale.getAddress(), ether(500)).send();
    tokenAs(whale).approve(vault, ether(500)).send();
    vaultAs(whale).deposit(token, ether(500), whale.getAddress()).send();

    String sidechainDb = TestPostgres.shared().createDatabase("relayer_it_sidechain");
    relayerDb = TestPostgres.shared().createDatabase("relayer_it");
    Path genesis = writeGenesis();
    int sidechainPort = FreePorts.next();
    sidechain =
        ChildJvm.jar(
                "sidechain-node",
                sidechainJar(),
                sidechainPort,
                dir.resolve("logs/sidechain-node.log"),
                List.of(
                    "--server.port=" + sidechainPort,
                    "--server.address=127.0.0.1",
                    "--bridge.sidechain.chain-id=" + SIDECHAIN_ID,
                    "--bridge.sidechain.genesis=" + genesis,
                    "--bridge.sidechain.topics.txs=it.sidechain.txs",
                    "--bridge.sidechain.kafka.bootstrap-servers="
                        + TestKafka.shared().bootstrapServers(),
                    "--spring.datasource.url=" + sidechainDb,
                    "--spring.datasource.username=" + TestPostgres.shared().username(),
                    "--spring.datasource.password=" + TestPostgres.shared().password()))
            .start(Duration.ofMinutes(4));
    Runtime.getRuntime().addShutdownHook(new Thread(sidechain::close, "stop-it-sidechain"));
    sidechainRpc = sidechain.url();
    sidechainToken =
        Http.rpc(sidechainRpc, "bridge_tokens").get(0).get("sidechainToken").asText().toLowerCase();

    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    kafka = new KafkaProducer<>(p);
    validators = new Validators(this);

    // The relayer's gas key, in a standard (light-scrypt) keystore with a password file.
    passwordFile = dir.resolve("relayer-password.txt");
    Files.writeString(passwordFile, "it-relayer-password\n");
    Path keys = Files.createDirectories(dir.resolve("keys"));
    try (var old = Files.list(keys)) {
      for (Path f : old.toList()) {
        Files.delete(f);
      }
    }
    keystore =
        keys.resolve(
            WalletUtils.generateWalletFile(
                "it-relayer-password", relayerKey.getEcKeyPair(), keys.toFile(), false));
    startRelayer();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopRelayer, "stop-it-relayer"));
  }

  static BigInteger ether(long n) {
    return Convert.toWei(BigInteger.valueOf(n).toString(), Convert.Unit.ETHER).toBigInteger();
  }

  private static Path sidechainJar() {
    Path jar = ProjectRoot.get().resolve("sidechain-node/target/sidechain-node.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build sidechain-node first (mvn -pl sidechain-node,relayer -am)");
    }
    return jar;
  }

  private Path writeGenesis() throws IOException {
    ObjectNode root = Http.JSON.createObjectNode();
    root.put("chainId", SIDECHAIN_ID);
    root.put("timestamp", Instant.now().getEpochSecond());
    root.putObject("l1").put("chainId", anvil.chainId()).put("vault", vault);
    ObjectNode epoch = root.putObject("epoch");
    epoch.put("number", 0);
    epoch.put("groupPublicKey", Hex.encode(federation.groupKey.toCompressed()));
    epoch.put("threshold", federation.policy.threshold());
    ArrayNode members = epoch.putArray("members");
    for (Member m : federation.members.members()) {
      members
          .addObject()
          .put("index", m.index())
          .put("operatorId", m.operatorId())
          .put("sharePublicKey", Hex.encode(m.sharePk().toCompressed()));
    }
    root.putArray("tokens")
        .addObject()
        .put("l1Token", token)
        .put("symbol", "TKN")
        .put("name", "Test Token")
        .put("decimals", 18);
    ObjectNode alloc = root.putObject("alloc");
    for (Credentials u : users) {
      alloc.put(u.getAddress(), ether(10_000).toString());
    }
    root.put("gasPrice", "0");
    Path file = dir.resolve("genesis.json");
    Http.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return file;
  }

  /** The relayer's settings (all of them, as an operator would pass them). */
  List<String> relayerArgs() {
    TestPostgres pg = TestPostgres.shared();
    return List.of(
        "--server.port=" + relayerPort,
        "--server.address=127.0.0.1",
        "--spring.datasource.url=" + relayerDb,
        "--spring.datasource.username=" + pg.username(),
        "--spring.datasource.password=" + pg.password(),
        "--bridge.relayer.l1.rpc-url=" + anvil.rpcUrl(),
        "--bridge.relayer.l1.chain-id=" + anvil.chainId(),
        "--bridge.relayer.l1.confirmations=1",
        "--bridge.relayer.l1.start-block=" + vaultBlock,
        "--bridge.relayer.l1.poll-interval=300ms",
        "--bridge.relayer.vault=" + vault,
        "--bridge.relayer.sidechain.rpc-url=" + sidechainRpc,
        "--bridge.relayer.sidechain.chain-id=" + SIDECHAIN_ID,
        "--bridge.relayer.sidechain.poll-interval=300ms",
        "--bridge.relayer.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers(),
        "--bridge.relayer.topics.certificates=" + CERTIFICATES,
        "--bridge.relayer.topics.partials=" + PARTIALS,
        "--bridge.relayer.keys.keystore=" + keystore,
        "--bridge.relayer.keys.password-file=" + passwordFile,
        "--bridge.relayer.submit.interval=300ms",
        "--bridge.relayer.submit.stuck-after=6s",
        "--bridge.relayer.api.rate-limit.requests-per-second=1000",
        "--bridge.relayer.api.rate-limit.burst=2000",
        "--bridge.relayer.api.estimates.l1-block-time=1s",
        "--logging.level.org.fedbridge=DEBUG");
  }

  synchronized void startRelayer() {
    relayer =
        ChildJvm.mainClass(
                "relayer",
                RelayerApplication.class,
                relayerPort,
                dir.resolve("logs/relayer.log"),
                relayerArgs())
            .start(Duration.ofMinutes(4));
  }

  /** SIGKILL the relayer: a crash at whatever step it is in. */
  synchronized void killRelayer() {
    relayer.kill();
  }

  synchronized void stopRelayer() {
    if (relayer != null) {
      relayer.close();
    }
  }

  String relayerUrl() {
    return "http://127.0.0.1:" + relayerPort;
  }

  Path relayerLog() {
    return dir.resolve("logs/relayer.log");
  }

  BridgeVault vaultAs(Credentials c) throws IOException {
    return VaultDeployer.load(l1, c, anvil.chainId(), vault);
  }

  DevnetToken tokenAs(Credentials c) throws IOException {
    return DevnetToken.load(
        token,
        l1,
        VaultDeployer.transactionManager(l1, c, anvil.chainId()),
        VaultDeployer.gasProvider(l1));
  }

  Domain domain(long epoch) {
    return new Domain(
        UInt256.of(anvil.chainId()),
        Address.fromHex(vault),
        UInt256.of(SIDECHAIN_ID),
        UInt256.of(epoch));
  }

  void publish(String topic, byte[] key, byte[] value) {
    try {
      kafka.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("Kafka publish failed", e);
    }
  }

  /** The block time of an L1 transaction. */
  Instant l1BlockTime(String txHash) {
    try {
      var receipt =
          l1.ethGetTransactionReceipt(txHash).send().getTransactionReceipt().orElseThrow();
      return l1Time(receipt.getBlockNumber());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The time of an L1 block ({@code null}: the latest). */
  Instant l1Time(BigInteger block) {
    try {
      var b =
          l1.ethGetBlockByNumber(
                  block == null
                      ? org.web3j.protocol.core.DefaultBlockParameterName.LATEST
                      : org.web3j.protocol.core.DefaultBlockParameter.valueOf(block),
                  false)
              .send()
              .getBlock();
      return Instant.ofEpochSecond(b.getTimestamp().longValueExact());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An anvil JSON-RPC call (mining control, base fee). */
  com.fasterxml.jackson.databind.JsonNode anvilRpc(String method, Object... params) {
    return Http.rpc(anvil.rpcUrl(), method, params);
  }
}
