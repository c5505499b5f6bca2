package org.fedbridge.admin.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/** Reads an address's logs and chain heads over Ethereum JSON-RPC (L1 or the sidechain). */
public final class Logs {
  private Logs() {}

  /** The logs of {@code address} in blocks {@code from..to} (inclusive), in chain order. */
  public static List<Log> of(Web3j web3j, String address, long from, long to) {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
            address);
    try {
      EthLog answer = web3j.ethGetLogs(filter).send();
      if (answer.hasError()) {
        throw new ChainException("eth_getLogs failed: " + answer.getError().getMessage());
      }
      List<Log> out = new ArrayList<>();
      for (EthLog.LogResult<?> r : answer.getLogs()) {
        out.add((Log) r.get());
      }
      return out;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ChainException c) {
        throw c;
      }
      throw new ChainException("logs unavailable: " + e.getMessage(), e);
    }
  }

  public static long head(Web3j web3j) {
    try {
      return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException | RuntimeException e) {
      throw new ChainException("head unavailable: " + e.getMessage(), e);
    }
  }

  /** A block's timestamp in seconds. */
  public static long timestamp(Web3j web3j, long block) {
    try {
      return web3j
          .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), false)
          .send()
          .getBlock()
          .getTimestamp()
          .longValueExact();
    } catch (IOException | RuntimeException e) {
      throw new ChainException("block unavailable: " + e.getMessage(), e);
    }
  }

  /** An account's ETH balance at a block. */
  public static BigInteger balance(Web3j web3j, String address, long block) {
    try {
      return web3j
          .ethGetBalance(address, DefaultBlockParameter.valueOf(BigInteger.valueOf(block)))
          .send()
          .getBalance();
    } catch (IOException | RuntimeException e) {
      throw new ChainException("balance unavailable: " + e.getMessage(), e);
    }
  }

  static DefaultBlockParameterName latest() {
    return DefaultBlockParameterName.LATEST;
  }
}
