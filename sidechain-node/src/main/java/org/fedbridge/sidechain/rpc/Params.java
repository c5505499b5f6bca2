package org.fedbridge.sidechain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.HexFormat;
import org.fedbridge.core.types.Address;

/**
 * Positional parameters with typed, checked accessors; any mismatch is an {@code invalid argument
 * i: …} error (-32602), as in geth.
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

  public String string(int i) throws RpcException {
    JsonNode n = required(i);
    if (!n.isTextual()) {
      throw RpcException.invalidParams(i, "expected a string");
    }
    return n.asText();
  }

  public Address address(int i) throws RpcException {
    return address(required(i), i);
  }

  public static Address address(JsonNode n, int i) throws RpcException {
    byte[] b = hexBytes(n, i);
    if (b.length != 20) {
      throw RpcException.invalidParams(
          i, "hex string has length " + b.length * 2 + ", want 40 for common.Address");
    }
    return new Address(b);
  }

  public byte[] data(int i) throws RpcException {
    return hexBytes(required(i), i);
  }

  public byte[] hash(int i) throws RpcException {
    byte[] b = hexBytes(required(i), i);
    if (b.length != 32) {
      throw RpcException.invalidParams(
          i, "hex string has length " + b.length * 2 + ", want 64 for common.Hash");
    }
    return b;
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

  public BigInteger quantity(int i) throws RpcException {
    return quantity(required(i), i);
  }

  /** A decimal string, a JSON integer or a hex quantity: for the bridge methods' amounts. */
  public static BigInteger number(JsonNode n, String field) throws RpcException {
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
      return v;
    } catch (NumberFormatException e) {
      throw new RpcException(
          JsonRpcError.INVALID_PARAMS, "invalid argument: " + field + " must be a uint256");
    }
  }
}
