package org.fedbridge.sidechain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.admission.Admission;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.GenesisFile;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.rpc.methods.RpcMethods;
import org.fedbridge.sidechain.rpc.subscriptions.FilterRegistry;
import org.fedbridge.sidechain.testing.Generators;
import org.fedbridge.sidechain.testing.RecordingLog;
import org.fedbridge.sidechain.testing.ReplicaHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Fuzzes the JSON-RPC layer (dispatcher, every method, admission) over the node's real store on
 * PostgreSQL, with an in-memory log: every answer is a well-formed JSON-RPC response with a known
 * error code (never an internal error, which would be a 5xx-class bug), and a request that is
 * answered with an error appends nothing to the log and leaves the state root unchanged.
 * QuickTheories generates the requests and shrinks a failing one to a minimal example.
 */
class JsonRpcFuzzTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<Integer> CODES = Set.of(-32700, -32600, -32601, -32602, -32000, -32005, 3);
  static final TestAccounts.Account ALICE = TestAccounts.derived("sample", 2);
  static ReplicaHarness db;
  static JsonRpcDispatcher dispatcher;
  static Ledger ledger;
  static final RecordingLog appended = new RecordingLog();

  @BeforeAll
  static void start() {
    Genesis genesis = GenesisFile.read(TestGenesis.sample());
    db = ReplicaHarness.create("rpc_fuzz", genesis, "unused", 100);
    db.writer().commit(Ledger.genesisBlock(genesis));
    ledger = Ledger.atGenesis(genesis, 100, null);
    Admission admission = new Admission(() -> ledger, appended, 64, 1000);
    dispatcher =
        new JsonRpcDispatcher(
            RpcMethods.all(
                new Chain(
                    () -> ledger,
                    null,
                    db.queries(),
                    admission,
                    new FilterRegistry(Clock.systemUTC(), Duration.ofMinutes(5), 100, 100))),
            Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  /** A parameter: hex, an address, a signed transaction, a tag, a call object, junk. */
  static Gen<Object> param() {
    Gen<Object> hex = Generators.hex(80).map(h -> (Object) h);
    Gen<Object> address = Generators.bytesOfSize(20).map(b -> (Object) Hex.encode(b));
    Gen<Object> tx =
        Generate.longRange(0, 3)
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
    List<Object> constants = new ArrayList<>();
    constants.addAll(
        List.of(
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
            Map.of(),
            List.of(),
            Map.of("to", "0x0000000000000000000000000000000000000001"),
            Map.of("fromBlock", "0x0", "toBlock", "latest", "topics", List.of(List.of()))));
    constants.add(null);
    Gen<Object> misc = arbitrary().pick(constants);
    Gen<Object> callObject =
        address.zip(hex, (to, data) -> (Object) Map.of("to", to, "data", data, "from", to));
    Gen<Object> text = strings().allPossible().ofLengthBetween(0, 30).map(s -> (Object) s);
    return Generate.oneOf(hex, address, tx, misc, callObject, text);
  }

  static Gen<String> method() {
    List<String> names = new ArrayList<>(dispatcher.methodNames());
    names.add("eth_unknown");
    names.add("");
    return arbitrary().pick(names);
  }

  @Test
  void randomCallsOfEveryMethodGetWellFormedAnswersAndErrorsChangeNothing() {
    qt().withExamples(1500)
        .forAll(method(), param(), param())
        .checkAssert(
            (method, p0, p1) -> {
              List<Object> params = new ArrayList<>();
              params.add(p0);
              params.add(p1);
              Map<String, Object> request = new HashMap<>();
              request.put("jsonrpc", "2.0");
              request.put("id", 1);
              request.put("method", method);
              request.put("params", params.subList(0, Math.abs(method.hashCode()) % 3));
              check(json(request));
            });
  }

  @Test
  void randomBodiesGetWellFormedAnswersAndChangeNothing() {
    qt().withExamples(1500).forAll(Generators.bytes(255)).checkAssert(JsonRpcFuzzTest::check);
  }

  @Test
  void mangledJsonGetsParseOrRequestErrors() {
    qt().withExamples(500)
        .forAll(method(), integers().all())
        .checkAssert(
            (method, cut) -> {
              String s =
                  "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\""
                      + method
                      + "\",\"params\":[\"0x1\"]}";
              check(
                  s.substring(0, Math.floorMod(cut, s.length())).getBytes(StandardCharsets.UTF_8));
            });
  }

  private static byte[] json(Object o) {
    try {
      return JSON.writeValueAsBytes(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(byte[] body) {
    int before = appended.size();
    var root = ledger.stateRoot();
    byte[] answer = dispatcher.handle(body);
    if (answer == null) {
      return; // notifications only
    }
    JsonNode response;
    try {
      response = JSON.readTree(answer);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + new String(answer, StandardCharsets.UTF_8), e);
    }
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
      assertThat(appended.size()).isEqualTo(before);
    }
    assertThat(ledger.stateRoot()).isEqualTo(root);
  }
}
