package org.fedbridge.sidechain.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;

/**
 * Reads the genesis JSON the devnet writes:
 *
 * <pre>{@code
 * { "chainId": 1337, "timestamp": 1700000000,
 *   "l1": { "chainId": 31337, "vault": "0x…" },
 *   "epoch": { "number": 0, "groupPublicKey": "0x…96-byte compressed G2", "threshold": 3,
 *              "members": [ { "index": 1, "operatorId": "op-1", "sharePublicKey": "0x…" } ] },
 *   "tokens": [ { "l1Token": "0x…", "symbol": "TKN", "name": "Test Token", "decimals": 18,
 *                 "maxWithdrawal": "1000000000000000000000" } ],
 *   "alloc": { "0x…": "1000000000000000000000" },
 *   "gasPrice": "0",
 *   "governanceKey": "0x02…" }
 * }</pre>
 *
 * Amounts are decimal strings (or JSON integers, or 0x-hex strings). A token with {@code l1Token =
 * address(0)} is native ETH: only its optional {@code maxWithdrawal} is read. {@code maxWithdrawal}
 * (optional) is the largest single withdrawal the vault pays, positive and below 2^96. {@code
 * governanceKey} (optional) is admin-api's governance key (33-byte compressed secp256k1): without
 * it no token can be registered after genesis (its metadata could not be authenticated). Every
 * problem is reported as one line naming the field.
 */
public final class GenesisFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GenesisFile() {}

  public static Genesis read(Path path) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read genesis file "
              + path
              + ": "
              + String.valueOf(e.getMessage()).split("\\R")[0]);
    }
    try {
      return parse(root);
    } catch (RuntimeException e) {
      // No cause: start-up failures print the root message, which must name the file.
      throw new IllegalArgumentException("invalid genesis file " + path + ": " + e.getMessage());
    }
  }

  public static Genesis parse(String json) {
    try {
      return parse(JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid genesis JSON: " + e.getMessage(), e);
    }
  }

  static Genesis parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("top level must be a JSON object");
    }
    long chainId = positiveLong(root, "chainId");
    long timestamp = required(root, "timestamp").asLong(-1);
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp must be a non-negative integer");
    }
    JsonNode l1 = required(root, "l1");
    long l1ChainId = positiveLong(l1, "chainId");
    Address vault = address(required(l1, "vault"), "l1.vault");
    Epoch epoch = epoch(required(root, "epoch"));
    List<Token> tokens = new ArrayList<>();
    Set<Address> seen = new HashSet<>();
    JsonNode tokenList = root.path("tokens");
    if (!tokenList.isMissingNode() && !tokenList.isArray()) {
      throw new IllegalArgumentException("tokens must be an array");
    }
    Optional<UInt256> ethMax = Optional.empty();
    for (JsonNode t : tokenList) {
      Address l1Token = address(required(t, "l1Token"), "tokens[].l1Token");
      Optional<UInt256> max = maxWithdrawal(t);
      if (l1Token.equals(Address.ZERO)) {
        ethMax = max; // ETH is native: only its withdrawal maximum is read here
        continue;
      }
      if (!seen.add(l1Token)) {
        throw new IllegalArgumentException("token " + l1Token + " is listed twice");
      }
      int decimals = required(t, "decimals").asInt(-1);
      Token token =
          Token.of(
              l1Token,
              text(required(t, "symbol"), "tokens[].symbol"),
              t.path("name").asText(text(required(t, "symbol"), "tokens[].symbol")),
              decimals);
      tokens.add(max.map(token::withMaxWithdrawal).orElse(token));
    }
    TreeMap<String, UInt256> alloc = new TreeMap<>();
    JsonNode allocNode = root.path("alloc");
    if (!allocNode.isMissingNode() && !allocNode.isObject()) {
      throw new IllegalArgumentException("alloc must be an object");
    }
    for (Map.Entry<String, JsonNode> e : allocNode.properties()) {
      Address a = parseAddress(e.getKey(), "alloc key");
      JsonNode v = e.getValue();
      if (v.isObject()) {
        v = v.path("balance"); // geth's { "balance": "…" } shape is accepted too
      }
      alloc.merge(
          a.toHex(),
          new UInt256(amount(v, "alloc[" + e.getKey() + "]")),
          (x, y) -> sum(x, y, "alloc[" + e.getKey() + "]"));
    }
    JsonNode gasPriceNode = root.path("gasPrice");
    UInt256 gasPrice =
        gasPriceNode.isMissingNode() ? UInt256.ZERO : new UInt256(amount(gasPriceNode, "gasPrice"));
    return new Genesis(
        chainId,
        timestamp,
        l1ChainId,
        vault,
        epoch,
        tokens,
        alloc,
        gasPrice,
        ethMax,
        governanceKey(root.get("governanceKey")));
  }

  /** The optional {@code governanceKey}: admin-api's compressed secp256k1 key (33 bytes). */
  private static Optional<IdentityPublicKey> governanceKey(JsonNode n) {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    Result<IdentityPublicKey> key = IdentityPublicKey.decode(hex(n, "governanceKey"));
    if (!key.isOk()) {
      throw new IllegalArgumentException("governanceKey: " + key.rejection());
    }
    return Optional.of(key.orThrow());
  }

  /** The optional {@code maxWithdrawal} of a tokens[] entry: positive, below 2^96. */
  private static Optional<UInt256> maxWithdrawal(JsonNode token) {
    JsonNode n = token.get("maxWithdrawal");
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    String field = "tokens[].maxWithdrawal";
    return Optional.of(WithdrawalLimits.checkedMaximum(new UInt256(amount(n, field)), field));
  }

  private static Epoch epoch(JsonNode e) {
    long number = required(e, "number").asLong(-1);
    if (number < 0) {
      throw new IllegalArgumentException("epoch.number must be a non-negative integer");
    }
    PublicKey groupKey = g2(required(e, "groupPublicKey"), "epoch.groupPublicKey");
    int threshold = required(e, "threshold").asInt(0);
    List<Member> members = new ArrayList<>();
    JsonNode list = required(e, "members");
    if (!list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("epoch.members must be a non-empty array");
    }
    for (JsonNode m : list) {
      members.add(
          new Member(
              required(m, "index").asInt(0),
              text(required(m, "operatorId"), "epoch.members[].operatorId"),
              g2(required(m, "sharePublicKey"), "epoch.members[].sharePublicKey")));
    }
    Result<MemberSet> set = MemberSet.of(members, threshold);
    if (set instanceof Result.Err<MemberSet> err) {
      throw new IllegalArgumentException("epoch: " + err.reason() + " " + err.detail());
    }
    return new Epoch(number, groupKey, set.orThrow());
  }

  private static PublicKey g2(JsonNode n, String field) {
    byte[] bytes = hex(n, field);
    Result<PublicKey> key =
        bytes.length == 256 ? PublicKey.fromEip2537(bytes) : PublicKey.fromCompressed(bytes);
    if (key instanceof Result.Err<PublicKey> err) {
      throw new IllegalArgumentException(field + ": " + err.reason() + " " + err.detail());
    }
    return key.orThrow();
  }

  private static JsonNode required(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return n;
  }

  private static long positiveLong(JsonNode parent, String field) {
    JsonNode n = required(parent, field);
    long v = n.isTextual() ? amount(n, field).longValueExact() : n.asLong(0);
    if (v <= 0) {
      throw new IllegalArgumentException(field + " must be a positive integer");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-empty string");
    }
    return n.asText();
  }

  private static byte[] hex(JsonNode n, String field) {
    try {
      return Hex.decode(text(n, field));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not hex");
    }
  }

  private static Address address(JsonNode n, String field) {
    return parseAddress(text(n, field), field);
  }

  private static Address parseAddress(String s, String field) {
    try {
      return Address.fromHex(s.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not a 20-byte hex address: " + s);
    }
  }

  private static UInt256 sum(UInt256 a, UInt256 b, String field) {
    BigInteger s = a.value().add(b.value());
    if (s.compareTo(UInt256.MAX_VALUE) > 0) {
      throw new IllegalArgumentException(field + " sums above 2^256 - 1");
    }
    return new UInt256(s);
  }

  private static BigInteger amount(JsonNode n, String field) {
    BigInteger v;
    try {
      if (n.isIntegralNumber()) {
        v = n.bigIntegerValue();
      } else if (n.isTextual() && n.asText().startsWith("0x")) {
        v = new BigInteger(n.asText().substring(2), 16);
      } else if (n.isTextual()) {
        v = new BigInteger(n.asText());
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be an integer amount");
    }
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException(field + " must be a uint256");
    }
    return v;
  }
}
