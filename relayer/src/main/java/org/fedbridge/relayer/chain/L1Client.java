package org.fedbridge.relayer.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The relayer's view of L1 through web3j: heads, logs, fees, calls and raw transactions. Every
 * JSON-RPC error is turned into an {@link IOException} (the node is unreachable or refuses), except
 * reverts and send refusals, which are values the callers act on.
 */
public final class L1Client {
  private final Web3j web3j;

  public L1Client(Web3j web3j) {
    this.web3j = web3j;
  }

  /** A block header's fields the relayer uses. */
  public record Block(long number, String hash, Instant timestamp, BigInteger baseFee) {}

  /** Base fees (the last one is the next block's) and one reward percentile per block. */
  public record FeeHistory(List<BigInteger> baseFees, List<BigInteger> rewards) {}

  /** A mined transaction. */
  public record Receipt(
      String hash,
      long blockNumber,
      boolean success,
      long gasUsed,
      BigInteger effectiveGasPrice,
      List<Log> logs) {}

  /** What a node said to {@code eth_sendRawTransaction}. */
  public sealed interface SendOutcome {
    /** In the node's pool (or already known to it). */
    record Accepted(String hash) implements SendOutcome {}

    /** The nonce was used already: by this transaction (mined) or by another. */
    record NonceUsed(String message) implements SendOutcome {}

    /** Any other refusal (fees too low to replace, insufficient funds, …). */
    record Refused(String message) implements SendOutcome {}
  }

  /** The result of {@code eth_call} or {@code eth_estimateGas}. */
  public sealed interface CallOutcome {
    record Returned(String data) implements CallOutcome {}

    /** Reverted; {@code revertData} is the ABI-encoded error (may be {@code 0x}). */
    record Reverted(String revertData, String message) implements CallOutcome {}
  }

  public long head() throws IOException {
    return check(web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
  }

  public Optional<Block> block(long number) throws IOException {
    EthBlock.Block b =
        check(
                web3j
                    .ethGetBlockByNumber(
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                    .send())
            .getBlock();
    if (b == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Block(
            b.getNumber().longValueExact(),
            b.getHash(),
            Instant.ofEpochSecond(b.getTimestamp().longValueExact()),
            b.getBaseFeePerGas() == null ? BigInteger.ZERO : b.getBaseFeePerGas()));
  }

  /** Logs of {@code address} in blocks {@code [from, to]}, in chain order. */
  public List<Log> logs(String address, long from, long to) throws IOException {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
            address);
    EthLog response = check(web3j.ethGetLogs(filter).send());
    return response.getLogs().stream().map(r -> (Log) r.get()).toList();
  }

  public FeeHistory feeHistory(int blocks, double percentile) throws IOException {
    EthFeeHistory.FeeHistory h =
        check(
                web3j
                    .ethFeeHistory(blocks, DefaultBlockParameterName.LATEST, List.of(percentile))
                    .send())
            .getFeeHistory();
    List<BigInteger> rewards =
        h.getReward() == null
            ? List.of()
            : h.getReward().stream().filter(r -> !r.isEmpty()).map(r -> r.get(0)).toList();
    return new FeeHistory(List.copyOf(h.getBaseFeePerGas()), rewards);
  }

  public SendOutcome send(byte[] raw) throws IOException {
    EthSendTransaction r = web3j.ethSendRawTransaction(Numeric.toHexString(raw)).send();
    if (!r.hasError()) {
      return new SendOutcome.Accepted(r.getTransactionHash());
    }
    String message = r.getError().getMessage() == null ? "" : r.getError().getMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("already known") || lower.contains("already imported")) {
      return new SendOutcome.Accepted(null);
    }
    if (lower.contains("nonce too low") || lower.contains("nonce is too low")) {
      return new SendOutcome.NonceUsed(message);
    }
    return new SendOutcome.Refused(message);
  }

  public Optional<Receipt> receipt(String hash) throws IOException {
    EthGetTransactionReceipt r = check(web3j.ethGetTransactionReceipt(hash).send());
    Optional<TransactionReceipt> receipt = r.getTransactionReceipt();
    if (receipt.isEmpty() || receipt.get().getBlockNumber() == null) {
      return Optional.empty();
    }
    TransactionReceipt t = receipt.get();
    BigInteger price =
        t.getEffectiveGasPrice() == null
            ? BigInteger.ZERO
            : Numeric.decodeQuantity(t.getEffectiveGasPrice());
    return Optional.of(
        new Receipt(
            t.getTransactionHash(),
            t.getBlockNumber().longValueExact(),
            t.isStatusOK(),
            t.getGasUsed().longValueExact(),
            price,
            t.getLogs()));
  }

  /** Whether the node knows the transaction (pending or mined). */
  public boolean knows(String hash) throws IOException {
    return check(web3j.ethGetTransactionByHash(hash).send()).getTransaction().isPresent();
  }

  /** The account's next nonce counting mined ({@code pending = false}) or also pooled ones. */
  public long nonce(String address, boolean pending) throws IOException {
    DefaultBlockParameterName at =
        pending ? DefaultBlockParameterName.PENDING : DefaultBlockParameterName.LATEST;
    return check(web3j.ethGetTransactionCount(address, at).send())
        .getTransactionCount()
        .longValueExact();
  }

  public BigInteger balance(String address) throws IOException {
    return check(web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send())
        .getBalance();
  }

  /** {@code eth_call} at the latest block, or at {@code block} when given. */
  public CallOutcome call(String from, String to, String data, Long block) throws IOException {
    DefaultBlockParameter at =
        block == null
            ? DefaultBlockParameterName.LATEST
            : DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    EthCall r = web3j.ethCall(Transaction.createEthCallTransaction(from, to, data), at).send();
    if (r.hasError()) {
      return reverted(r.getError());
    }
    return new CallOutcome.Returned(r.getValue());
  }

  /** {@code eth_estimateGas}: the gas as a {@code Returned} quantity, or the revert. */
  public CallOutcome estimateGas(String from, String to, String data) throws IOException {
    EthEstimateGas r =
        web3j.ethEstimateGas(Transaction.createEthCallTransaction(from, to, data)).send();
    if (r.hasError()) {
      return reverted(r.getError());
    }
    return new CallOutcome.Returned(r.getAmountUsed().toString());
  }

  private static CallOutcome reverted(Response.Error error) throws IOException {
    String message = error.getMessage() == null ? "" : error.getMessage();
    String data = error.getData();
    boolean revert =
        error.getCode() == 3
            || message.toLowerCase(Locale.ROOT).contains("revert")
            || (data != null && data.startsWith("0x"));
    if (!revert) {
      throw new IOException("L1 node refused the call: " + message);
    }
    return new CallOutcome.Reverted(data != null && data.startsWith("0x") ? data : "0x", message);
  }

  private static <T extends Response<?>> T check(T response) throws IOException {
    if (response.hasError()) {
      throw new IOException("L1 JSON-RPC error: " + response.getError().getMessage());
    }
    return response;
  }
}
