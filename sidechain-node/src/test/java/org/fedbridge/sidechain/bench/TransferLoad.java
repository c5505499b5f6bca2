package org.fedbridge.sidechain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.sidechain.testing.TestAccounts;

/**
 * The client side of {@link ThroughputBench}: signs the transfers up front and sends them over
 * JSON-RPC batches to any Ethereum node (ours or anvil), clocking send to receipt.
 */
final class TransferLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private TransferLoad() {}

  /** Who sends (the senders, in order) and how: client threads, JSON-RPC batch size, time cap. */
  record Workload(List<TestAccounts.Account> accounts, int threads, int batch, Duration cap) {}

  record Result(int txs, double seconds) {
    double rate() {
      return txs / seconds;
    }
  }

  /** Per sender, its transfers in nonce order (raw hex). */
  static List<List<String>> sign(
      List<TestAccounts.Account> accounts,
      int perSender,
      long chain,
      Address to,
      BigInteger maxFee) {
    List<List<String>> out = new ArrayList<>();
    for (TestAccounts.Account a : accounts) {
      List<String> mine = new ArrayList<>();
      for (int n = 0; n < perSender; n++) {
        mine.add(
            Hex.encode(
                TestAccounts.eip1559(
                    a,
                    chain,
                    n,
                    BigInteger.ZERO,
                    maxFee,
                    21_000,
                    to,
                    BigInteger.ONE,
                    new byte[0])));
      }
      out.add(mine);
    }
    return out;
  }

  static void warmUp(String url) throws Exception {
    for (int i = 0; i < 200; i++) {
      rpc(url, "eth_blockNumber");
    }
  }

  /**
   * Each client thread owns a share of the senders and sends batches that take the next nonce of
   * each of its senders, so a sender's transactions arrive in order; the clock stops when the
   * receipt of every sender's last transaction exists.
   */
  static Result run(String url, List<List<String>> perSender, Workload w) throws Exception {
    int threads = w.threads();
    int batch = w.batch();
    Duration cap = w.cap();
    int total = perSender.stream().mapToInt(List::size).sum();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      work.add(
          pool.submit(
              () -> {
                List<List<String>> mine = new ArrayList<>();
                for (int s = me; s < perSender.size(); s += threads) {
                  mine.add(perSender.get(s));
                }
                List<String> queue = new ArrayList<>();
                int rounds = mine.get(0).size();
                for (int n = 0; n < rounds; n++) {
                  for (List<String> s : mine) {
                    queue.add(s.get(n));
                  }
                }
                for (int i = 0; i < queue.size(); i += batch) {
                  if (System.nanoTime() - start > cap.toNanos()) {
                    break; // the client stops sending at the cap; executed ones are counted below
                  }
                  List<String> part = queue.subList(i, Math.min(queue.size(), i + batch));
                  JsonNode answers = batch(url, "eth_sendRawTransaction", part);
                  for (JsonNode a : answers) {
                    if (a.has("error")) {
                      throw new IllegalStateException("refused: " + a);
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    List<String> last = new ArrayList<>();
    for (List<String> s : perSender) {
      byte[] raw = Hex.decode(s.get(s.size() - 1));
      last.add(Hex.encode(Keccak.hashBytes(raw)));
    }
    while (true) {
      if (System.nanoTime() - start > cap.toNanos()) {
        int done = executed(url, w.accounts());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "  (cap of %d s reached: %d of %d executed)%n",
            cap.toSeconds(),
            done,
            total);
        pool.shutdownNow();
        return new Result(done, seconds);
      }
      JsonNode receipts = batch(url, "eth_getTransactionReceipt", last);
      boolean all = true;
      for (JsonNode r : receipts) {
        all &= r.has("result") && !r.get("result").isNull();
      }
      if (all) {
        break;
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(total, seconds);
  }

  /** Not all receipts within the cap: what was executed, from the senders' nonces. */
  private static int executed(String url, List<TestAccounts.Account> accounts) throws Exception {
    List<String> addresses = accounts.stream().map(a -> a.address().toHex()).toList();
    List<Map<String, Object>> requests = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      requests.add(
          Map.of(
              "jsonrpc",
              "2.0",
              "id",
              i,
              "method",
              "eth_getTransactionCount",
              "params",
              List.of(addresses.get(i), "latest")));
    }
    int done = 0;
    for (JsonNode r : post(url, JSON.writeValueAsString(requests))) {
      done += Integer.decode(r.get("result").asText());
    }
    return done;
  }

  private static JsonNode batch(String url, String method, List<String> singleParams)
      throws Exception {
    List<Map<String, Object>> requests = new ArrayList<>();
    int id = 0;
    for (String p : singleParams) {
      requests.add(Map.of("jsonrpc", "2.0", "id", id++, "method", method, "params", List.of(p)));
    }
    return post(url, JSON.writeValueAsString(requests));
  }

  static JsonNode rpc(String url, String method, Object... params) throws Exception {
    return post(
        url,
        JSON.writeValueAsString(
            Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params))));
  }

  private static JsonNode post(String url, String body) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }
}
