package org.fedbridge.relayer.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/**
 * The relayer's view of a sidechain replica over its JSON-RPC ({@code sidechain-node/README.md}):
 * heads, bridge logs, block withdrawal batches, the current epoch and the token list. Every answer
 * is parsed strictly; anything unexpected is an {@link IOException}.
 */
public final class SidechainClient {
  /** The bridge system address: withdrawals are calls to it, mints and burns log from it. */
  public static final String BRIDGE_ADDRESS = "0x000000000000000000000000000000000000b1d6";

  private final Web3jService service;

  public SidechainClient(String rpcUrl) {
    this.service = new HttpService(rpcUrl);
  }

  /** A raw JSON answer. */
  public static final class JsonResponse extends Response<JsonNode> {}

  /** A sidechain block's withdrawals: the batch the federation certifies. */
  public record WithdrawalBlock(
      long blockNumber, Bytes32 root, long count, List<Withdrawal> withdrawals) {}

  /** The sidechain's current federation epoch. */
  public record Epoch(long number, PublicKey groupKey, int threshold, List<Member> members) {}

  /** A member of the current epoch with its share public key. */
  public record Member(int index, String operatorId, PublicKey shareKey) {}

  /** A bridged token: its L1 address and its address on the sidechain. */
  public record Token(
      String l1Token, String sidechainToken, String symbol, String name, int decimals) {}

  JsonNode rpc(String method, Object... params) throws IOException {
    JsonResponse r =
        new Request<>(method, Arrays.asList(params), service, JsonResponse.class).send();
    if (r.hasError()) {
      throw new IOException("sidechain " + method + ": " + r.getError().getMessage());
    }
    return r.getResult();
  }

  public long head() throws IOException {
    return quantity(rpc("eth_blockNumber"), "blockNumber");
  }

  public Instant blockTime(long number) throws IOException {
    JsonNode b = rpc("eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
    if (b == null || b.isNull()) {
      throw new IOException("sidechain block " + number + " not found");
    }
    return Instant.ofEpochSecond(quantity(b.get("timestamp"), "timestamp"));
  }

  /** Logs of the bridge system address in blocks {@code [from, to]}. */
  public List<Log> bridgeLogs(long from, long to) throws IOException {
    var filter =
        java.util.Map.of(
            "fromBlock", "0x" + Long.toHexString(from),
            "toBlock", "0x" + Long.toHexString(to),
            "address", BRIDGE_ADDRESS);
    JsonNode logs = rpc("eth_getLogs", filter);
    List<Log> out = new ArrayList<>();
    for (JsonNode l : logs) {
      List<String> topics = new ArrayList<>();
      l.path("topics").forEach(t -> topics.add(t.asText()));
      Log log = new Log();
      log.setAddress(l.path("address").asText());
      log.setTopics(topics);
      log.setData(l.path("data").asText());
      log.setBlockNumber(l.path("blockNumber").asText());
      log.setTransactionHash(l.path("transactionHash").asText());
      log.setLogIndex(l.path("logIndex").asText());
      log.setBlockHash(l.path("blockHash").asText());
      out.add(log);
    }
    return out;
  }

  /** {@code bridge_getWithdrawalRoot(block)}: the block's withdrawals in tree order. */
  public WithdrawalBlock withdrawalBlock(long number) throws IOException {
    JsonNode r = rpc("bridge_getWithdrawalRoot", "0x" + Long.toHexString(number));
    List<Withdrawal> ws = new ArrayList<>();
    for (JsonNode w : r.path("withdrawals")) {
      ws.add(
          new Withdrawal(
              uint(w.get("nonce")),
              address(w.get("l1Token")),
              address(w.get("sender")),
              address(w.get("l1Recipient")),
              uint(w.get("amount"))));
    }
    return new WithdrawalBlock(
        number,
        ok(Bytes32.decode(r.path("withdrawalRoot").asText()), "withdrawalRoot"),
        r.path("withdrawalCount").asLong(),
        List.copyOf(ws));
  }

  /** {@code bridge_epoch}: the sidechain's current federation. */
  public Epoch epoch() throws IOException {
    JsonNode e = rpc("bridge_epoch");
    List<Member> members = new ArrayList<>();
    for (JsonNode m : e.path("members")) {
      members.add(
          new Member(
              m.path("index").asInt(),
              m.path("operatorId").asText(),
              key(m.path("sharePublicKey").asText())));
    }
    return new Epoch(
        e.path("number").asLong(),
        key(e.path("groupPublicKey").asText()),
        e.path("threshold").asInt(),
        List.copyOf(members));
  }

  public List<Token> tokens() throws IOException {
    List<Token> out = new ArrayList<>();
    for (JsonNode t : rpc("bridge_tokens")) {
      out.add(
          new Token(
              t.path("l1Token").asText().toLowerCase(java.util.Locale.ROOT),
              t.path("sidechainToken").asText().toLowerCase(java.util.Locale.ROOT),
              t.path("symbol").asText(),
              t.path("name").asText(),
              t.path("decimals").asInt()));
    }
    return List.copyOf(out);
  }

  private static PublicKey key(String hex) throws IOException {
    Result<byte[]> bytes = Hex.tryDecode(hex, hex.length() == 2 + 192 ? 96 : 256);
    byte[] raw = ok(bytes, "public key");
    return ok(
        raw.length == 96 ? PublicKey.fromCompressed(raw) : PublicKey.fromEip2537(raw),
        "public key");
  }

  private static UInt256 uint(JsonNode n) throws IOException {
    if (n == null) {
      throw new IOException("sidechain answer misses a number");
    }
    String s = n.asText();
    if (s.startsWith("0x")) {
      return new UInt256(new BigInteger(s.substring(2), 16));
    }
    return ok(UInt256.decode(s), "number");
  }

  private static Address address(JsonNode n) throws IOException {
    return ok(Address.decode(n == null ? "" : n.asText()), "address");
  }

  private static long quantity(JsonNode n, String what) throws IOException {
    if (n == null || !n.asText().startsWith("0x")) {
      throw new IOException("sidechain answer: bad " + what);
    }
    return Long.parseLong(n.asText().substring(2), 16);
  }

  private static <T> T ok(Result<T> r, String what) throws IOException {
    if (!r.isOk()) {
      throw new IOException("sidechain answer: bad " + what + " (" + r.rejection() + ")");
    }
    return r.orThrow();
  }
}
