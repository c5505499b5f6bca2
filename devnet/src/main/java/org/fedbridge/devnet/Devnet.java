package org.fedbridge.devnet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.fedbridge.contracts.VaultDeployer;
import org.fedbridge.core.types.Hex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the whole bridge locally: PostgreSQL, Kafka and anvil (each unless an external one is
 * given), then the services; writes {@code .devnet/devnet.json} once everything is ready; stops
 * everything it started on Ctrl-C or SIGTERM.
 */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = "Start the whole fedbridge bridge locally.")
public final class Devnet implements Callable<Integer> {
  static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

  @Option(names = "--dir", description = "State and logs directory (wiped at start).")
  Path dir = Path.of(".devnet");

  @Option(names = "--root", description = "Project checkout (service jars, node_modules).")
  Path root = Path.of("");

  @Option(names = "--jdbc-url", description = "Use this PostgreSQL instead of an embedded one.")
  String jdbcUrl;

  @Option(names = "--db-user", description = "User for --jdbc-url.")
  String dbUser = "postgres";

  @Option(
      names = "--db-password-env",
      description = "Environment variable that holds the password for --jdbc-url.")
  String dbPasswordEnv = "DEVNET_DB_PASSWORD";

  @Option(names = "--kafka", description = "Use these bootstrap servers instead of a broker.")
  String kafka;

  @Option(names = "--l1-rpc", description = "Use this L1 JSON-RPC URL instead of anvil.")
  String l1Rpc;

  @Option(names = "--validators", description = "Federation size (default ${DEFAULT-VALUE}).")
  int validators = 4;

  @Option(
      names = "--standby",
      description =
          "Extra validators that run with their own identity key and database but hold no share"
              + " of epoch 0; a rotation approved in the admin console can add them (default"
              + " ${DEFAULT-VALUE}). devnet.json lists them under federation.standby.")
  int standby = 0;

  @Option(names = "--accounts", description = "Funded dev accounts (default ${DEFAULT-VALUE}).")
  int accountCount = 5;

  @Option(names = "--sidechain-chain-id", description = "Default ${DEFAULT-VALUE}.")
  long sidechainChainId = 1337;

  private final List<AutoCloseable> started = new ArrayList<>();
  private int infrastructure = Integer.MAX_VALUE;
  private final List<ChildProcess> watched = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final PrintStream out = System.out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Devnet()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    try {
      checkOptions();
    } catch (DevnetException e) {
      System.err.println("devnet: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "devnet-stop"));
    try {
      start();
    } catch (DevnetException e) {
      System.err.println("devnet: " + e.getMessage());
      return 1;
    }
    watch();
    return 1; // only reached when a component died
  }

  /** Refuses impossible options before anything is started or wiped. */
  private void checkOptions() {
    if (validators < 1 || validators > 100) {
      throw new DevnetException("--validators must be between 1 and 100, not " + validators);
    }
    if (standby < 0 || validators + standby > 100) {
      throw new DevnetException(
          "--standby must be at least 0, with at most 100 validators in all, not " + standby);
    }
    if (accountCount < 1 || accountCount > 1000) {
      throw new DevnetException("--accounts must be between 1 and 1000, not " + accountCount);
    }
    if (sidechainChainId < 1 || sidechainChainId == Anvil.CHAIN_ID) {
      throw new DevnetException(
          "--sidechain-chain-id must be positive and differ from the L1's " + Anvil.CHAIN_ID);
    }
  }

  private void start() throws IOException {
    root = root.toAbsolutePath().normalize();
    dir = dir.toAbsolutePath().normalize();
    wipe(dir);
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.createDirectories(dir.resolve("tmp"));
    Ports ports = new Ports();
    out.println("devnet: starting in " + dir + " (logs in " + logs + ")");

    Postgres postgres;
    if (jdbcUrl == null) {
      postgres = Postgres.embedded(dir.resolve("postgres"), ports.preferred(5432));
    } else {
      postgres =
          Postgres.external(jdbcUrl, dbUser, System.getenv().getOrDefault(dbPasswordEnv, ""));
    }
    started.add(postgres);
    out.println("devnet: PostgreSQL ready at " + postgres.jdbcUrl());

    String bootstrap = kafka;
    if (bootstrap == null) {
      int port = ports.preferred(9092);
      ChildProcess broker = KafkaBroker.start(dir.resolve("kafka"), port, ports.any(), logs);
      track(broker);
      bootstrap = "127.0.0.1:" + port;
    }
    out.println("devnet: Kafka ready at " + bootstrap);

    String l1 = l1Rpc;
    if (l1 == null) {
      int port = ports.preferred(8545);
      track(Anvil.start(root, port, logs));
      l1 = "http://127.0.0.1:" + port;
    }
    long l1ChainId = Long.decode(Http.rpc(l1, "eth_chainId").asText());
    out.println("devnet: L1 ready at " + l1 + " (chain " + l1ChainId + ")");

    List<DevAccount> accounts = DevAccount.derive(accountCount);
    if (l1Rpc == null) {
      for (DevAccount account : accounts) {
        Http.rpc(
            l1, "anvil_setBalance", account.address(), "0x" + Genesis.DEV_BALANCE.toString(16));
      }
    }
    infrastructure = started.size();

    List<String> db =
        List.of(
            "--spring.datasource.url=" + postgres.jdbcUrl(),
            "--spring.datasource.username=" + postgres.username(),
            "--spring.datasource.password=" + postgres.password());

    // Epoch 0 by DKG: identity keystores, the federation spec, every validator's dkg at once.
    // Standbys get identity keys too, but are left out of the spec: no share of epoch 0.
    List<DevKeys.Validator> keys = DevKeys.create(dir, validators + standby);
    List<DevKeys.Validator> epoch0 = keys.subList(0, validators);
    Path spec = DevDkg.writeSpec(dir, l1ChainId, sidechainChainId, epoch0);
    out.println("devnet: running the validators' DKG over Kafka (spec " + spec + ")");
    long dkgStart = System.nanoTime();
    DevDkg.Federation federation =
        DevDkg.run(root, dir, spec, epoch0, db, bootstrap, logs, started::add, started::remove);
    out.printf(
        "devnet: DKG confirmed in %.1f s: %d-of-%d, group key %s%n",
        (System.nanoTime() - dkgStart) / 1e9,
        federation.policy().threshold(),
        validators,
        Hex.encode(federation.groupKey().toCompressed()));

    L1Setup.Token token;
    VaultDeployer.Deployment deployment;
    try (L1Setup setup = new L1Setup(l1, l1ChainId, accounts.get(0))) {
      token = setup.deployToken(accounts);
      deployment = setup.deployVault(sidechainChainId, federation, token);
    }
    String vault = deployment.vaultAddress();
    out.println(
        "devnet: BridgeVault at " + vault + ", " + token.symbol() + " at " + token.address());
    // The admin console's governance key goes into the sidechain genesis: it vouches for the
    // metadata of tokens registered later (bridge_submitTokenConfig).
    DevAdmin.Setup adminSetup = DevAdmin.create(dir, accounts.get(0));
    Path genesis = dir.resolve("genesis.json");
    Genesis.write(
        genesis,
        sidechainChainId,
        l1ChainId,
        vault,
        federation,
        List.of(token),
        accounts,
        adminSetup.governanceKey());

    Service sidechain =
        DevServices.sidechain(root, dir, logs, ports, db, sidechainChainId, bootstrap, genesis);
    track(sidechain.process());
    String sidechainRpc = sidechain.url();

    // The validators obey only the admin console's governance key (created above).
    DevServices.Network network =
        new DevServices.Network(
            root,
            dir,
            logs,
            ports,
            db,
            l1,
            l1ChainId,
            vault,
            deployment.blockNumber().longValueExact(),
            sidechainRpc,
            sidechainChainId,
            bootstrap);
    List<Service> members = new ArrayList<>();
    List<Service> standbys = new ArrayList<>();
    for (DevKeys.Validator v : keys) {
      Service validator = DevServices.validator(network, v, adminSetup.governanceKey());
      track(validator.process());
      (v.index() <= validators ? members : standbys).add(validator);
    }

    // The relayer pays L1 gas from its own key, in a keystore, funded here.
    RelayerKey relayerKey = RelayerKey.write(dir.resolve("relayer"));
    if (l1Rpc == null) {
      Http.rpc(
          l1, "anvil_setBalance", relayerKey.address(), "0x" + RelayerKey.FUNDING.toString(16));
    } else {
      L1Setup.fund(l1, l1ChainId, accounts.get(0), relayerKey.address(), RelayerKey.FUNDING);
    }
    Service relayer = DevServices.relayer(network, relayerKey);
    track(relayer.process());
    Service admin = DevServices.admin(network, adminSetup, spec, token.address());
    track(admin.process());

    List<Service> services = new ArrayList<>();
    services.add(sidechain);
    services.addAll(members);
    services.addAll(standbys);
    services.add(relayer);
    services.add(admin);
    for (Service service : services) {
      service.awaitReady(READY_TIMEOUT);
      out.println("devnet: " + service.name() + " ready at " + service.url());
    }

    ObjectNode file = Http.JSON.createObjectNode();
    ObjectNode l1Node = file.putObject("l1");
    l1Node.put("rpc", l1);
    l1Node.put("chainId", l1ChainId);
    l1Node.put("vault", vault);
    l1Node.put("vaultDeploymentBlock", deployment.blockNumber().longValueExact());
    l1Node.put("governanceDelaySeconds", L1Setup.DELAYS.governanceDelaySeconds());
    l1Node.put("challengePeriodSeconds", L1Setup.DELAYS.challengePeriodSeconds());
    l1Node.putObject("tokens").put(token.symbol(), token.address());
    ObjectNode sidechainNode = file.putObject("sidechain");
    sidechainNode.put("rpc", sidechainRpc);
    sidechainNode.put("chainId", sidechainChainId);
    ObjectNode sidechainTokens = sidechainNode.putObject("tokens");
    SidechainTokens.lookup(sidechainRpc).forEach(sidechainTokens::put);
    file.putObject("relayer")
        .put("url", relayer.url())
        .put("api", relayer.url() + "/api/v1")
        .put("page", relayer.url() + "/")
        .put("gasAccount", relayerKey.address());
    file.putObject("admin")
        .put("url", admin.url())
        .put("bootstrapTokenFile", DevAdmin.tokenFile(dir).toString())
        .put("governanceKey", adminSetup.governanceKey());
    file.putObject("kafka").put("bootstrapServers", bootstrap);
    file.putObject("postgres").put("jdbcUrl", postgres.jdbcUrl());
    ObjectNode federationNode = file.putObject("federation");
    federation.describe(federationNode, spec, members.stream().map(Service::url).toList());
    DevServices.describeStandby(
        federationNode.putArray("standby"), keys.subList(validators, keys.size()), standbys);
    ArrayNode accountNodes = file.putArray("accounts");
    for (DevAccount account : accounts) {
      accountNodes
          .addObject()
          .put("address", account.address())
          .put("privateKey", account.privateKey());
    }
    Path json = dir.resolve("devnet.json");
    Path tmp = dir.resolve("devnet.json.tmp");
    Http.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), file);
    Files.move(tmp, json, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    out.println();
    out.println("fedbridge devnet is up. Connection details: " + json);
    out.printf("  %-12s %s (chain %d), BridgeVault %s%n", "L1", l1, l1ChainId, vault);
    out.printf("  %-12s %s (chain %d)%n", "sidechain", sidechainRpc, sidechainChainId);
    out.printf(
        "  %-12s %s (track page /, API /api/v1, Swagger UI /swagger-ui.html), gas from %s%n",
        "relayer", relayer.url(), relayerKey.address());
    out.printf("  %-12s %s%n", "admin", admin.url());
    // Printed once, here; it is also in the owner-only file (devnet only).
    out.printf(
        "  %-12s sign in with %s (also in %s)%n",
        "admin token", adminSetup.bootstrapToken(), DevAdmin.tokenFile(dir));
    out.printf(
        "  %-12s %d members, threshold %d, from %s%n",
        "validators", validators, federation.policy().threshold(), members.get(0).url());
    for (int i = 0; i < standbys.size(); i++) {
      out.printf(
          "  %-12s %s at %s, identity key %s (no share: add it with an ADD_MEMBER proposal)%n",
          "standby",
          keys.get(validators + i).operatorId(),
          standbys.get(i).url(),
          keys.get(validators + i).identityPublicKey());
    }
    out.printf("  %-12s %s%n", "kafka", bootstrap);
    out.printf("  %-12s %s%n", "postgres", postgres.jdbcUrl());
    out.printf(
        "  %-12s %d funded with %s ETH each on L1 and the sidechain, e.g. %s%n",
        "accounts",
        accounts.size(),
        Genesis.DEV_BALANCE.divide(BigInteger.TEN.pow(18)),
        accounts.get(0).address());
    out.println("Press Ctrl-C to stop everything.");
  }

  private void watch() {
    while (stopped.getCount() > 0) {
      for (ChildProcess child : watched) {
        if (!child.isAlive() && stopped.getCount() > 0) {
          System.err.println(
              "devnet: " + child.name() + " exited; see " + child.log() + ". Stopping.");
          return;
        }
      }
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
  }

  private void track(ChildProcess child) {
    started.add(child);
    watched.add(child);
  }

  private void stopAll() {
    stopped.countDown();
    // Until the infrastructure is counted (a stop during start-up) everything started so far is
    // infrastructure; subList must not see an index past the end.
    int split = Math.min(infrastructure, started.size());
    List<AutoCloseable> services = started.subList(split, started.size());
    List<AutoCloseable> infra = started.subList(0, split);
    // Services first (each shuts down gracefully while Kafka and PostgreSQL are still there),
    // then the infrastructure.
    Closer.closeAll(services);
    Closer.closeAll(infra);
    out.println("devnet: stopped");
  }

  private static void wipe(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }
}
