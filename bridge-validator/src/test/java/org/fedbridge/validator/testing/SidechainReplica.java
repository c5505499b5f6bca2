package org.fedbridge.validator.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.testsupport.FreePorts;
import org.fedbridge.testsupport.ProjectRoot;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * A real sidechain replica: the {@code sidechain-node} Spring Boot jar (built earlier in the
 * reactor) in a child JVM, with its own database and log topic on the JVM's real PostgreSQL and
 * Kafka. One per test JVM, stopped at exit. Its genesis gives {@link #ACCOUNTS} ETH that was never
 * deposited on L1, which is exactly what the accountant tests need.
 */
public final class SidechainReplica {
  public static final long CHAIN_ID = 1337;
  public static final Address BRIDGE =
      Address.fromHex("0x000000000000000000000000000000000000b1d6");

  /** Funded in genesis with 1,000 ETH each (anvil's well-known dev keys 5..9). */
  public static final List<String> ACCOUNTS =
      List.of(
          "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
          "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
          "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
          "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
          "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");

  private static SidechainReplica shared;

  private final Process process;
  private final String url;
  private final Web3j web3j;

  private SidechainReplica(Process process, String url) {
    this.process = process;
    this.url = url;
    this.web3j = Web3j.build(new HttpService(url));
  }

  public static synchronized SidechainReplica shared() {
    if (shared == null) {
      // The replica's own federation does not matter here: only withdrawals are read from it.
      TestFederation f = TestFederation.create(99, 3, 4);
      shared = start(f.groupKey, f.members, "0x5fbdb2315678afecb367f032d93f642f64180aa3");
    }
    return shared;
  }

  /**
   * A replica of its own whose genesis epoch 0 is this federation, bridged to {@code vault} on the
   * local anvil chain (31337); stop it with {@link #close()}.
   */
  public static SidechainReplica start(
      org.fedbridge.core.bls.PublicKey groupKey,
      org.fedbridge.core.threshold.MemberSet federation,
      String vault) {
    Path jar = ProjectRoot.get().resolve("sidechain-node/target/sidechain-node.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build sidechain-node first (mvn -pl sidechain-node -am package)");
    }
    try {
      Path dir =
          Path.of(System.getProperty("java.io.tmpdir"), "sidechain-replica-" + UUID.randomUUID());
      Files.createDirectories(dir);
      Path genesis = dir.resolve("genesis.json");
      writeGenesis(genesis, groupKey, federation, vault);
      int port = FreePorts.next();
      String database =
          TestPostgres.shared()
              .createDatabase(
                  "validator_test_sidechain_"
                      + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir));
      command.addAll(List.of("-jar", jar.toString()));
      command.add("--server.port=" + port);
      command.add("--server.address=127.0.0.1");
      command.add("--bridge.sidechain.chain-id=" + CHAIN_ID);
      command.add("--bridge.sidechain.genesis=" + genesis);
      command.add(
          "--bridge.sidechain.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers());
      command.add(
          "--bridge.sidechain.topics.txs=sidechain.txs.validator-test-" + UUID.randomUUID());
      command.add("--bridge.sidechain.blocks.tick-interval=50ms");
      command.add("--spring.datasource.url=" + database);
      command.add("--spring.datasource.username=" + TestPostgres.shared().username());
      command.add("--spring.datasource.password=" + TestPostgres.shared().password());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("sidechain.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-sidechain"));
      String url = "http://127.0.0.1:" + port;
      HttpClient http = HttpClient.newHttpClient();
      await("sidechain replica ready (log: " + dir.resolve("sidechain.log") + ")")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "sidechain replica exited: see " + dir.resolve("sidechain.log"));
                }
                try {
                  HttpResponse<String> r =
                      http.send(
                          HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  return r.statusCode() == 200 && r.body().contains("\"UP\"");
                } catch (IOException e) {
                  return false;
                }
              });
      return new SidechainReplica(process, url);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the sidechain replica", e);
    }
  }

  private static void writeGenesis(
      Path file,
      org.fedbridge.core.bls.PublicKey groupKey,
      org.fedbridge.core.threshold.MemberSet federation,
      String vault)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("chainId", CHAIN_ID);
    root.put("timestamp", 1_700_000_000L);
    ObjectNode l1 = root.putObject("l1");
    l1.put("chainId", 31337);
    l1.put("vault", vault.toLowerCase(java.util.Locale.ROOT));
    ObjectNode epoch = root.putObject("epoch");
    epoch.put("number", 0);
    epoch.put("groupPublicKey", Hex.encode(groupKey.toCompressed()));
    epoch.put("threshold", federation.threshold());
    ArrayNode members = epoch.putArray("members");
    for (Member m : federation.members()) {
      ObjectNode o = members.addObject();
      o.put("index", m.index());
      o.put("operatorId", m.operatorId());
      o.put("sharePublicKey", Hex.encode(m.sharePk().toCompressed()));
    }
    root.putArray("tokens");
    ObjectNode alloc = root.putObject("alloc");
    for (String key : ACCOUNTS) {
      alloc.put(Credentials.create(key).getAddress(), BigInteger.TEN.pow(21).toString());
    }
    root.put("gasPrice", "0");
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  public String url() {
    return url;
  }

  public long head() throws IOException {
    return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
  }

  /**
   * Burns {@code wei} of sidechain ETH from genesis account {@code account} for {@code
   * l1Recipient}; returns the block that holds the withdrawal.
   */
  public long withdrawEth(int account, Address l1Recipient, BigInteger wei) throws Exception {
    return withdrawEth(account, l1Recipient, List.of(wei)).get(0);
  }

  /** Several withdrawals from one account, sent back to back; returns their blocks. */
  public List<Long> withdrawEth(int account, Address l1Recipient, List<BigInteger> amounts)
      throws Exception {
    Credentials from = Credentials.create(ACCOUNTS.get(account));
    FastRawTransactionManager tm =
        new FastRawTransactionManager(
            web3j, from, CHAIN_ID, new PollingTransactionReceiptProcessor(web3j, 50, 600));
    String data =
        FunctionEncoder.encode(
            new Function(
                "withdrawEth",
                List.of(new org.web3j.abi.datatypes.Address(l1Recipient.toHex())),
                List.of()));
    List<String> hashes = new ArrayList<>();
    for (BigInteger wei : amounts) {
      EthSendTransaction sent =
          tm.sendTransaction(
              BigInteger.ZERO, BigInteger.valueOf(200_000), BRIDGE.toHex(), data, wei);
      if (sent.hasError()) {
        throw new IllegalStateException("withdrawEth refused: " + sent.getError().getMessage());
      }
      hashes.add(sent.getTransactionHash());
    }
    List<Long> blocks = new ArrayList<>();
    PollingTransactionReceiptProcessor receipts =
        new PollingTransactionReceiptProcessor(web3j, 50, 600);
    for (String h : hashes) {
      TransactionReceipt r = receipts.waitForTransactionReceipt(h);
      if (!r.isStatusOK()) {
        throw new IllegalStateException("withdrawEth failed in " + r.getBlockNumber());
      }
      blocks.add(r.getBlockNumber().longValueExact());
    }
    return blocks;
  }

  /** {@code bridge_getWithdrawalRoot(block).withdrawalRoot}, as the replica answers it. */
  public String withdrawalRoot(long block) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"bridge_getWithdrawalRoot\","
                                + "\"params\":[\"0x"
                                + Long.toHexString(block)
                                + "\"]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body()).at("/result/withdrawalRoot").asText();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops a replica made by {@link #start} (the shared one stops at JVM exit). */
  public void close() {
    web3j.shutdown();
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** A JSON-RPC call; the {@code result}, or an exception with the node's error. */
  public com.fasterxml.jackson.databind.JsonNode rpc(String method, Object... params)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode req = json.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", 1);
    req.put("method", method);
    req.set("params", json.valueToTree(List.of(params)));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(req.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    com.fasterxml.jackson.databind.JsonNode body = json.readTree(r.body());
    if (body.has("error")) {
      throw new IllegalStateException(method + ": " + body.get("error"));
    }
    return body.get("result");
  }
}
