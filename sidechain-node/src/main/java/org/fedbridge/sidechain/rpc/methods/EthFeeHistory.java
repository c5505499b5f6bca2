package org.fedbridge.sidechain.rpc.methods;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.Quantity;
import org.fedbridge.sidechain.rpc.RpcException;
import org.fedbridge.sidechain.rpc.RpcMethod;

/**
 * {@code eth_feeHistory(blockCount, newestBlock, rewardPercentiles)}: the base fee is constant, so
 * every entry is the configured gas price and every reward zero.
 */
final class EthFeeHistory implements JsonRpcMethod {
  private static final int MAX_BLOCKS = 1024;

  private final Chain chain;

  EthFeeHistory(Chain chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_FEE_HISTORY;
  }

  @Override
  public Object execute(Params params) throws RpcException {
    params.expectAtMost(3);
    var countNode = params.required(0);
    long count;
    if (countNode.isIntegralNumber()) {
      count = countNode.asLong();
    } else {
      BigInteger c = Params.quantity(countNode, 0);
      count = c.bitLength() > 31 ? MAX_BLOCKS : c.longValue();
    }
    if (count < 0) {
      throw RpcException.invalidParams(0, "negative block count");
    }
    long newest = chain.resolve(Params.block(params.required(1), 1));
    newest = Math.min(newest, chain.headNumber());
    count = Math.min(Math.min(count, MAX_BLOCKS), newest + 1);
    List<Double> percentiles = new ArrayList<>();
    var p = params.node(2);
    if (p != null) {
      if (!p.isArray()) {
        throw RpcException.invalidParams(2, "expected an array of percentiles");
      }
      double last = -1;
      for (var e : p) {
        if (!e.isNumber() || e.asDouble() < 0 || e.asDouble() > 100 || e.asDouble() < last) {
          throw RpcException.invalidParams(2, "invalid reward percentile");
        }
        last = e.asDouble();
        percentiles.add(last);
      }
    }
    String fee = Quantity.of(chain.ledger().baseFee());
    Map<String, Object> out = new LinkedHashMap<>();
    long oldest = newest - count + 1;
    out.put("oldestBlock", Quantity.of(count == 0 ? newest : oldest));
    List<String> fees = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<List<String>> rewards = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      fees.add(fee);
      ratios.add(0.0);
      rewards.add(percentiles.stream().map(x -> "0x0").toList());
    }
    fees.add(fee);
    out.put("baseFeePerGas", fees);
    out.put("gasUsedRatio", ratios);
    if (p != null) {
      out.put("reward", rewards);
    }
    return out;
  }
}
