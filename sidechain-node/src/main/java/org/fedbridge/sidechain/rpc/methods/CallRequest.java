package org.fedbridge.sidechain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.ledger.CallResult;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcError;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/** The call object of {@code eth_call} and {@code eth_estimateGas}. */
record CallRequest(Address from, Address to, BigInteger value, byte[] data, Long gas) {

  /**
   * Reads {@code params = [call, block?, overrides?]} for a call against the latest state: the
   * common part of {@code eth_call} and {@code eth_estimateGas}.
   */
  static CallRequest fromParams(Chain chain, Params params) throws RpcException {
    params.expectAtMost(3);
    CallRequest c = parse(params.required(0));
    chain.requireLatestState(params.node(1), 1);
    return c;
  }

  /** Runs the call on the latest state without changing it. */
  CallResult simulate(Chain chain) {
    return chain.ledger().executor().call(chain.ledger().world(), from(), to(), value(), data());
  }

  static CallRequest parse(JsonNode n) throws RpcException {
    if (n == null || !n.isObject()) {
      throw RpcException.invalidParams(0, "expected a call object");
    }
    Address from = n.hasNonNull("from") ? Params.address(n.get("from"), 0) : Address.ZERO;
    if (!n.hasNonNull("to")) {
      throw new RpcException(
          JsonRpcError.INVALID_PARAMS, "invalid argument 0: contract creation is not supported");
    }
    Address to = Params.address(n.get("to"), 0);
    BigInteger value = n.hasNonNull("value") ? Params.quantity(n.get("value"), 0) : BigInteger.ZERO;
    byte[] data = new byte[0];
    if (n.hasNonNull("input")) {
      data = Params.hexBytes(n.get("input"), 0);
    } else if (n.hasNonNull("data")) {
      data = Params.hexBytes(n.get("data"), 0);
    }
    Long gas = null;
    if (n.hasNonNull("gas")) {
      BigInteger g = Params.quantity(n.get("gas"), 0);
      gas = g.bitLength() > 62 ? Long.MAX_VALUE : g.longValue();
    }
    return new CallRequest(from, to, value, data, gas);
  }
}
