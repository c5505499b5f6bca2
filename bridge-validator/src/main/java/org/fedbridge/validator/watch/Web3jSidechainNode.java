package org.fedbridge.validator.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * {@link SidechainNode} over web3j's transport, reading the sidechain's own fields ({@code
 * bridgeWithdrawalRoot}, {@code bridge_getWithdrawalRoot}) from the raw JSON, strictly.
 */
final class Web3jSidechainNode implements SidechainNode {

  /** A JSON-RPC response whose result is kept as a JSON tree. */
  public static final class Raw extends Response<JsonNode> {}

  private final Web3jService service;

  Web3jSidechainNode(Web3jService service) {
    this.service = service;
  }

  @Override
  public long headNumber() throws NodeException {
    return quantity(call("eth_blockNumber", List.of()), "eth_blockNumber");
  }

  @Override
  public Optional<Header> byNumber(long number) throws NodeException {
    JsonNode b = call("eth_getBlockByNumber", List.of("0x" + Long.toHexString(number), false));
    if (b == null || b.isNull()) {
      return Optional.empty();
    }
    return Optional.of(
        new Header(
            quantity(b.get("number"), "number"),
            bytes32(b.get("hash"), "hash"),
            bytes32(b.get("parentHash"), "parentHash"),
            bytes32(b.get("bridgeWithdrawalRoot"), "bridgeWithdrawalRoot"),
            quantity(b.get("bridgeWithdrawalCount"), "bridgeWithdrawalCount")));
  }

  @Override
  public WithdrawalBlock withdrawals(Bytes32 blockHash) throws NodeException {
    JsonNode r = call("bridge_getWithdrawalRoot", List.of(Map.of("blockHash", blockHash.toHex())));
    if (r == null || !r.isObject() || !r.path("withdrawals").isArray()) {
      throw malformed("bridge_getWithdrawalRoot answer");
    }
    List<Listed> listed = new ArrayList<>();
    for (JsonNode w : r.get("withdrawals")) {
      listed.add(
          new Listed(
              new Withdrawal(
                  uint(w.get("nonce"), "nonce"),
                  address(w.get("l1Token"), "l1Token"),
                  address(w.get("sender"), "sender"),
                  address(w.get("l1Recipient"), "l1Recipient"),
                  uint(w.get("amount"), "amount")),
              bytes32(w.get("leaf"), "leaf")));
    }
    return new WithdrawalBlock(
        quantity(r.get("blockNumber"), "blockNumber"),
        bytes32(r.get("blockHash"), "blockHash"),
        bytes32(r.get("withdrawalRoot"), "withdrawalRoot"),
        quantity(r.get("withdrawalCount"), "withdrawalCount"),
        listed);
  }

  private JsonNode call(String method, List<?> params) throws NodeException {
    Raw response;
    try {
      response = new Request<>(method, params, service, Raw.class).send();
    } catch (IOException | RuntimeException e) {
      throw new NodeException(method + " failed: " + e.getMessage(), false, e);
    }
    if (response.hasError()) {
      throw new NodeException(
          method
              + " error "
              + response.getError().getCode()
              + ": "
              + response.getError().getMessage(),
          true,
          null);
    }
    return response.getResult();
  }

  // Quantities: a JSON integer, 0x-hex or a decimal string; never negative, fits a long.
  private static long quantity(JsonNode n, String field) throws NodeException {
    BigInteger v = bigInteger(n, field);
    if (v.bitLength() > 63) {
      throw malformed(field);
    }
    return v.longValueExact();
  }

  private static UInt256 uint(JsonNode n, String field) throws NodeException {
    BigInteger v = bigInteger(n, field);
    if (v.compareTo(UInt256.MAX_VALUE) > 0) {
      throw malformed(field);
    }
    return new UInt256(v);
  }

  private static BigInteger bigInteger(JsonNode n, String field) throws NodeException {
    if (n == null) {
      throw malformed(field);
    }
    if (n.isIntegralNumber()) {
      BigInteger v = n.bigIntegerValue();
      if (v.signum() < 0) {
        throw malformed(field);
      }
      return v;
    }
    String s = n.isTextual() ? n.asText() : "";
    if (s.matches("0x[0-9a-fA-F]{1,64}")) {
      return new BigInteger(s.substring(2), 16);
    }
    Result<UInt256> decimal = UInt256.decode(s);
    if (!decimal.isOk()) {
      throw malformed(field);
    }
    return decimal.orThrow().value();
  }

  private static Bytes32 bytes32(JsonNode n, String field) throws NodeException {
    Result<Bytes32> r = Bytes32.decode(n == null || !n.isTextual() ? null : n.asText());
    if (!r.isOk()) {
      throw malformed(field);
    }
    return r.orThrow();
  }

  private static Address address(JsonNode n, String field) throws NodeException {
    Result<Address> r = Address.decode(n == null || !n.isTextual() ? null : n.asText());
    if (!r.isOk()) {
      throw malformed(field);
    }
    return r.orThrow();
  }

  private static NodeException malformed(String field) {
    return new NodeException("sidechain answer has a malformed " + field, false, null);
  }
}
