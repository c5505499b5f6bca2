package org.fedbridge.sidechain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/**
 * Positional parameters parsed into typed values (addresses, hashes, quantities, block selectors,
 * log filters, call objects) once, at the edge; any mismatch is an {@code invalid argument i: …}
 * error (-32602), as in geth.
 */
public final class Params {
  private final JsonNode array;

  public Params(JsonNode params) {
    this.array = params == null || params.isNull() ? JsonNodeFactory.instance.arrayNode() : params;
  }

  public int size() {
    return array.size();
  }

  public JsonNode node(int i) {
    JsonNode n = array.get(i);
    return n == null || n.isNull() ? null : n;
  }

  public void expectAtMost(int n) throws RpcException {
    if (array.size() > n) {
      throw new RpcException(JsonRpcError.INVALID_PARAMS, "too many arguments, want at most " + n);
    }
  }

  public JsonNode required(int i) throws RpcException {
    JsonNode n = node(i);
    if (n == null) {
      throw new RpcException(
          JsonRpcError.INVALID_PARAMS, "missing value for required argument " + i);
    }
    return n;
  }

  public Address address(int i) throws RpcException {
    return address(required(i), i);
  }

  public byte[] data(int i) throws RpcException {
    return hexBytes(required(i), i);
  }

  public Bytes32 hash(int i) throws RpcException {
    return hash(required(i), i);
  }

  public boolean bool(int i, boolean dflt) throws RpcException {
    JsonNode n = node(i);
    if (n == null) {
      return dflt;
    }
    if (!n.isBoolean()) {
      throw RpcException.invalidParams(i, "expected a boolean");
    }
    return n.asBoolean();
  }

  public BigInteger quantity(int i) throws RpcException {
    return quantity(required(i), i);
  }

  /** A block selector; absent means latest. */
  public BlockSelector block(int i) throws RpcException {
    return block(node(i), i);
  }

  public LogFilter logFilter(int i) throws RpcException {
    return logFilter(required(i), i);
  }

  public CallRequest call(int i) throws RpcException {
    return call(required(i), i);
  }

  // ------------------------------------------------------------------ parsers

  public static Address address(JsonNode n, int i) throws RpcException {
    byte[] b = hexBytes(n, i);
    if (b.length != 20) {
      throw RpcException.invalidParams(
          i, "hex string has length " + b.length * 2 + ", want 40 for common.Address");
    }
    return new Address(b);
  }

  public static Bytes32 hash(JsonNode n, int i) throws RpcException {
    byte[] b = hexBytes(n, i);
    if (b.length != 32) {
      throw RpcException.invalidParams(
          i, "hex string has length " + b.length * 2 + ", want 64 for common.Hash");
    }
    return new Bytes32(b);
  }

  public static byte[] hexBytes(JsonNode n, int i) throws RpcException {
    if (n == null || !n.isTextual()) {
      throw RpcException.invalidParams(i, "expected a hex string");
    }
    String s = n.asText();
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw RpcException.invalidParams(i, "hex string without 0x prefix");
    }
    String h = s.substring(2);
    if (h.length() % 2 != 0) {
      throw RpcException.invalidParams(i, "hex string of odd length");
    }
    try {
      return HexFormat.of().parseHex(h);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(i, "invalid hex string");
    }
  }

  /** A hex quantity ({@code 0x0}, {@code 0x1a}), at most 256 bits. */
  public static BigInteger quantity(JsonNode n, int i) throws RpcException {
    if (n == null || !n.isTextual()) {
      throw RpcException.invalidParams(i, "expected a hex quantity");
    }
    String s = n.asText();
    if (!s.startsWith("0x") || s.length() < 3 || s.length() > 66) {
      throw RpcException.invalidParams(i, "invalid hex quantity");
    }
    String h = s.substring(2);
    if (h.length() > 1 && h.charAt(0) == '0') {
      throw RpcException.invalidParams(i, "hex number with leading zero digits");
    }
    try {
      return new BigInteger(h, 16);
    } catch (NumberFormatException e) {
      throw RpcException.invalidParams(i, "invalid hex quantity");
    }
  }

  /** A decimal string, a JSON integer or a hex quantity: for the bridge methods' amounts. */
  public static UInt256 number(JsonNode n, String field) throws RpcException {
    try {
      BigInteger v;
      if (n == null) {
        throw new NumberFormatException();
      } else if (n.isIntegralNumber()) {
        v = n.bigIntegerValue();
      } else if (n.isTextual() && n.asText().startsWith("0x")) {
        v = new BigInteger(n.asText().substring(2), 16);
      } else if (n.isTextual()) {
        v = new BigInteger(n.asText());
      } else {
        throw new NumberFormatException();
      }
      if (v.signum() < 0 || v.bitLength() > 256) {
        throw new NumberFormatException();
      }
      return new UInt256(v);
    } catch (NumberFormatException e) {
      throw new RpcException(
          JsonRpcError.INVALID_PARAMS, "invalid argument: " + field + " must be a uint256");
    }
  }

  /**
   * A tag ({@code latest}, {@code pending}, {@code safe}, {@code finalized}, {@code earliest}), a
   * hex number, or an EIP-1898 object; {@code null} means latest.
   */
  public static BlockSelector block(JsonNode tag, int i) throws RpcException {
    if (tag == null || tag.isNull()) {
      return BlockSelector.LATEST;
    }
    if (tag.isObject()) {
      if (tag.has("blockHash")) {
        return new BlockSelector.Hash(hash(tag.get("blockHash"), i));
      }
      return block(tag.get("blockNumber"), i);
    }
    if (!tag.isTextual()) {
      throw RpcException.invalidParams(i, "expected a block number or tag");
    }
    return switch (tag.asText()) {
      case "latest", "safe", "finalized" -> BlockSelector.LATEST;
      case "pending" -> new BlockSelector.Latest(true);
      case "earliest" -> new BlockSelector.Earliest();
      default -> {
        BigInteger n = quantity(tag, i);
        if (n.bitLength() > 62) {
          throw RpcException.invalidParams(i, "block number too large");
        }
        yield new BlockSelector.Number(n.longValue());
      }
    };
  }

  public static LogFilter logFilter(JsonNode f, int i) throws RpcException {
    if (f == null || !f.isObject()) {
      throw RpcException.invalidParams(i, "expected a filter object");
    }
    Bytes32 blockHash = null;
    if (f.hasNonNull("blockHash")) {
      if (f.hasNonNull("fromBlock") || f.hasNonNull("toBlock")) {
        throw RpcException.invalidParams(i, "cannot specify both BlockHash and FromBlock/ToBlock");
      }
      blockHash = hash(f.get("blockHash"), i);
    }
    BlockSelector from = block(f.get("fromBlock"), i);
    BlockSelector to = block(f.get("toBlock"), i);
    List<Address> addresses = new ArrayList<>();
    JsonNode a = f.get("address");
    if (a != null && !a.isNull()) {
      if (a.isArray()) {
        for (JsonNode x : a) {
          addresses.add(address(x, i));
        }
      } else {
        addresses.add(address(a, i));
      }
    }
    List<List<Bytes32>> topics = new ArrayList<>();
    JsonNode t = f.get("topics");
    if (t != null && !t.isNull()) {
      if (!t.isArray() || t.size() > 4) {
        throw RpcException.invalidParams(i, "topics must be an array of at most 4 entries");
      }
      for (JsonNode pos : t) {
        List<Bytes32> options = new ArrayList<>();
        if (pos.isArray()) {
          for (JsonNode x : pos) {
            if (!x.isNull()) {
              options.add(topic(x, i));
            }
          }
        } else if (!pos.isNull()) {
          options.add(topic(pos, i));
        }
        topics.add(options);
      }
    }
    return new LogFilter(from, to, blockHash, addresses, topics);
  }

  private static Bytes32 topic(JsonNode n, int i) throws RpcException {
    byte[] b = hexBytes(n, i);
    if (b.length != 32) {
      throw RpcException.invalidParams(i, "topic must be 32 bytes");
    }
    return new Bytes32(b);
  }

  public static CallRequest call(JsonNode n, int i) throws RpcException {
    if (n == null || !n.isObject()) {
      throw RpcException.invalidParams(i, "expected a call object");
    }
    Address from = n.hasNonNull("from") ? address(n.get("from"), i) : Address.ZERO;
    if (!n.hasNonNull("to")) {
      throw new RpcException(
          JsonRpcError.INVALID_PARAMS,
          "invalid argument " + i + ": contract creation is not supported");
    }
    Address to = address(n.get("to"), i);
    UInt256 value = n.hasNonNull("value") ? new UInt256(quantity(n.get("value"), i)) : UInt256.ZERO;
    byte[] data = new byte[0];
    if (n.hasNonNull("input")) {
      data = hexBytes(n.get("input"), i);
    } else if (n.hasNonNull("data")) {
      data = hexBytes(n.get("data"), i);
    }
    Long gas = null;
    if (n.hasNonNull("gas")) {
      BigInteger g = quantity(n.get("gas"), i);
      gas = g.bitLength() > 62 ? Long.MAX_VALUE : g.longValue();
    }
    return new CallRequest(from, to, value, data, gas);
  }
}
