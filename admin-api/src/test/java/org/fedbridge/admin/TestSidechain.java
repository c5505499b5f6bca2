package org.fedbridge.admin;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Hex;
import org.fedbridge.testsupport.FreePorts;
import org.fedbridge.testsupport.ProjectRoot;
import org.fedbridge.testsupport.TestKafka;
import org.fedbridge.testsupport.TestPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real sidechain-node from its jar, its own database and log topic, with a genesis for a test
 * chain's vault and federation (and funded accounts); stopped when closed or when the JVM exits.
 */
public final class TestSidechain implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Process process;
  private final int port;
  public final Path log;

  private TestSidechain(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static TestSidechain start(
      TestChain chain, Path dir, String name, Map<String, String> alloc) {
    return start(chain, dir, name, alloc, null);
  }

  /** The same, with a genesis that names admin-api's governance key (null: none). */
  public static TestSidechain start(
      TestChain chain,
      Path dir,
      String name,
      Map<String, String> alloc,
      IdentityPublicKey governanceKey) {
    try {
      Files.createDirectories(dir);
      Path genesis = dir.resolve("genesis.json");
      ObjectNode root = JSON.createObjectNode();
      root.put("chainId", TestChain.SIDECHAIN_ID);
      root.put("timestamp", Instant.now().getEpochSecond());
      root.putObject("l1").put("chainId", chain.anvil.chainId()).put("vault", chain.vault);
      ObjectNode epoch = root.putObject("epoch");
      epoch.put("number", 0);
      epoch.put("groupPublicKey", Hex.encode(chain.groupSecret.publicKey().toCompressed()));
      epoch.put("threshold", chain.members.threshold());
      ArrayNode members = epoch.putArray("members");
      for (Member m : chain.members.members()) {
        members
            .addObject()
            .put("index", m.index())
            .put("operatorId", m.operatorId())
            .put("sharePublicKey", Hex.encode(m.sharePk().toCompressed()));
      }
      root.putArray("tokens");
      ObjectNode a = root.putObject("alloc");
      alloc.forEach(a::put);
      root.put("gasPrice", "0");
      if (governanceKey != null) {
        root.put("governanceKey", Hex.encode(governanceKey.compressed()));
      }
      Files.writeString(genesis, root.toPrettyString());
      Path jar = ProjectRoot.get().resolve("sidechain-node/target/sidechain-node.jar");
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing: build sidechain-node first");
      }
      int port = FreePorts.next();
      TestPostgres pg = TestPostgres.shared();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-Xmx320m",
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
              "-jar",
              jar.toString(),
              "--server.port=" + port,
              "--server.address=127.0.0.1",
              "--bridge.sidechain.chain-id=" + TestChain.SIDECHAIN_ID,
              "--bridge.sidechain.genesis=" + genesis,
              "--bridge.sidechain.topics.txs=it." + name + ".txs",
              "--bridge.sidechain.blocks.tick-interval=200ms",
              "--bridge.sidechain.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers(),
              "--spring.datasource.url=" + pg.createDatabase(name),
              "--spring.datasource.username=" + pg.username(),
              "--spring.datasource.password=" + pg.password()));
      Path log = dir.resolve(name + ".log");
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "stop-" + name));
      TestSidechain node = new TestSidechain(p, port, log);
      await(name + " ready (log " + log + ")")
          .atMost(Duration.ofMinutes(4))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (!p.isAlive()) {
                  throw new IllegalStateException(name + " exited; see " + log);
                }
                return node.ready();
              });
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean ready() {
    try {
      return HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** A JSON-RPC call; the result, or an exception with the node's error. */
  public JsonNode rpc(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode p = request.putArray("params");
    for (Object o : params) {
      p.addPOJO(o);
    }
    try {
      JsonNode body =
          JSON.readTree(
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(url()))
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      if (body.has("error")) {
        throw new IllegalStateException(method + ": " + body.get("error"));
      }
      return body.get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
