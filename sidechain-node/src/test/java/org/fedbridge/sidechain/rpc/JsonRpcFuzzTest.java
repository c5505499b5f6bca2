package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.GenesisFile;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.replication.RecordAppender;
import org.fedbridge.sidechain.rpc.methods.RpcMethods;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;

/**
 * Fuzzes the JSON-RPC layer (dispatcher, every method, admission) over the node's real store on
 * PostgreSQL, with a recording log: every answer is a well-formed JSON-RPC response with a known
 * error code (never an internal error, which would be a 5xx-class bug), and a request that is
 * answered with an error appends nothing to the log and leaves the state root unchanged.
 */
class JsonRpcFuzzTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<Integer> CODES = Set.of(-32700, -32600, -32601, -32602, -32000, -32005, 3);
  static ReplicaHarness db;
  static JsonRpcDispatcher dispatcher;
  static Ledger ledger;
  static final List<byte[]> appended = new ArrayList<>();
  static final TestAccounts.Account ALICE = TestAccounts.derived("sample", 2);

  @BeforeContainer
  static void start() throws Exception {
    Genesis genesis = GenesisFile.read(TestGenesis.sample());
    db = ReplicaHarness.create("rpc_fuzz", genesis, "unused", 100);
    db.writer().commit(Ledger.genesisBlock(genesis));
    ledger = Ledger.atGenesis(genesis, 100, null);
    RecordAppender recording =
        record -> {
          synchronized (appended) {
            appended.add(record);
          }
          return CompletableFuture.completedFuture((long) appended.size());
        };
    Admission admission = new Admission(() -> ledger, recording, 64, 1000);
    dispatcher =
        new JsonRpcDispatcher(
            RpcMethods.all(new Chain(() -> ledger, null, db.queries(), admission)),
            Duration.ofSeconds(15));
  }

  @AfterContainer
  static void stop() {
    db.close();
  }

  @Provide
  Arbitrary<Object> param() {
    Arbitrary<Object> hex =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(b -> (Object) Hex.encode(b));
    Arbitrary<Object> address =
        Arbitraries.bytes().array(byte[].class).ofSize(20).map(b -> (Object) Hex.encode(b));
    Arbitrary<Object> tx =
        Arbitraries.longs()
            .between(0, 3)
            .map(
                n ->
                    (Object)
                        Hex.encode(
                            TestAccounts.transfer(
                                ALICE,
                                n == 3 ? 1 : 1337,
                                n,
                                ALICE.address(),
                                BigInteger.TEN.pow(n.intValue() * 30))));
    Arbitrary<Object> misc =
        Arbitraries.of(
            "latest",
            "pending",
            "earliest",
            "0x0",
            "0x",
            "0x00",
            "0xzz",
            "",
            -1,
            0,
            1.5,
            true,
            null,
            Map.of(),
            List.of(),
            Map.of("to", "0x0000000000000000000000000000000000000001"),
            Map.of("fromBlock", "0x0", "toBlock", "latest", "topics", List.of(List.of())));
    Arbitrary<Object> callObject =
        Combinators.combine(address, hex)
            .as((to, data) -> (Object) Map.of("to", to, "data", data, "from", to));
    return Arbitraries.oneOf(
        hex,
        address,
        tx,
        misc,
        callObject,
        Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s));
  }

  @Provide
  Arbitrary<String> method() {
    List<String> names = new ArrayList<>(dispatcher.methodNames());
    names.add("eth_unknown");
    names.add("");
    return Arbitraries.of(names);
  }

  @Property(tries = 1500)
  void randomCallsOfEveryMethodGetWellFormedAnswersAndErrorsChangeNothing(
      @ForAll("method") String method, @ForAll("param") Object p0, @ForAll("param") Object p1)
      throws Exception {
    List<Object> params = new ArrayList<>();
    params.add(p0);
    params.add(p1);
    Map<String, Object> request = new java.util.HashMap<>();
    request.put("jsonrpc", "2.0");
    request.put("id", 1);
    request.put("method", method);
    request.put("params", params.subList(0, Math.abs(method.hashCode()) % 3));
    check(JSON.writeValueAsBytes(request));
  }

  @Property(tries = 1500)
  void randomBodiesGetWellFormedAnswersAndChangeNothing(@ForAll byte[] body) throws Exception {
    check(body);
  }

  @Property(tries = 500)
  void mangledJsonGetsParseOrRequestErrors(@ForAll("method") String method, @ForAll int cut)
      throws Exception {
    String s = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"" + method + "\",\"params\":[\"0x1\"]}";
    check(s.substring(0, Math.floorMod(cut, s.length())).getBytes(StandardCharsets.UTF_8));
  }

  private static void check(byte[] body) throws Exception {
    int before;
    synchronized (appended) {
      before = appended.size();
    }
    var root = ledger.stateRoot();
    byte[] answer = dispatcher.handle(body);
    if (answer == null) {
      return; // notifications only
    }
    JsonNode response = JSON.readTree(answer);
    List<JsonNode> each = new ArrayList<>();
    if (response.isArray()) {
      response.forEach(each::add);
    } else {
      each.add(response);
    }
    boolean anyError = false;
    for (JsonNode r : each) {
      assertThat(r.get("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(r.has("result") ^ r.has("error")).isTrue();
      if (r.has("error")) {
        anyError = true;
        assertThat(CODES).contains(r.get("error").get("code").asInt());
        assertThat(r.get("error").get("message").asText()).isNotBlank();
      }
    }
    if (anyError && each.size() == 1) {
      synchronized (appended) {
        assertThat(appended).hasSize(before);
      }
    }
    assertThat(ledger.stateRoot()).isEqualTo(root);
  }
}
