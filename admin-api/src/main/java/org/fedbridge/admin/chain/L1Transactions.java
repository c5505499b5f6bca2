package org.fedbridge.admin.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.fedbridge.admin.AdminProperties;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Sends the console's L1 transactions: estimates first (a call that would revert is answered with
 * the vault's error and never sent), signs with the account's key, broadcasts and waits for the
 * receipt. One transaction at a time per console, so nonces never collide.
 */
@Component
public class L1Transactions {
  private static final Duration RECEIPT_TIMEOUT = Duration.ofMinutes(3);
  private final Web3j web3j;
  private final long chainId;

  L1Transactions(Vault vault, AdminProperties properties) {
    this.web3j = vault.web3j();
    this.chainId = properties.l1().chainId();
  }

  /**
   * The outcome of a transaction.
   *
   * @param hash the transaction hash (empty when refused before sending)
   * @param block the block that included it (0 when not mined)
   * @param error the vault's error name when it reverted or would revert, else empty
   */
  public record Sent(String hash, long block, Optional<String> error) {
    public boolean ok() {
      return error.isEmpty();
    }
  }

  public synchronized Sent send(Credentials from, String to, String data) {
    try {
      EthEstimateGas estimate =
          web3j
              .ethEstimateGas(
                  Transaction.createFunctionCallTransaction(
                      from.getAddress(), null, null, null, to, BigInteger.ZERO, data))
              .send();
      if (estimate.hasError()) {
        return new Sent("", 0, Optional.of(VaultErrors.name(estimate.getError())));
      }
      BigInteger gasLimit =
          estimate.getAmountUsed().multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO);
      // EIP-1559: twice the latest base fee plus the suggested tip (a legacy price above the
      // node's suggestion would feed back into it).
      BigInteger tip = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
      BigInteger baseFee =
          web3j
              .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getBaseFeePerGas();
      BigInteger maxFee = baseFee.shiftLeft(1).add(tip);
      BigInteger nonce =
          web3j
              .ethGetTransactionCount(from.getAddress(), DefaultBlockParameterName.PENDING)
              .send()
              .getTransactionCount();
      RawTransaction tx =
          RawTransaction.createTransaction(
              chainId, nonce, gasLimit, to, BigInteger.ZERO, data, tip, maxFee);
      byte[] signed = TransactionEncoder.signMessage(tx, chainId, from);
      String hash = Numeric.toHexString(Hash.sha3(signed));
      EthSendTransaction sent = web3j.ethSendRawTransaction(Numeric.toHexString(signed)).send();
      if (sent.hasError()) {
        return new Sent(hash, 0, Optional.of("rejected: " + sent.getError().getMessage()));
      }
      TransactionReceipt receipt = await(hash);
      long block = receipt.getBlockNumber().longValueExact();
      return receipt.isStatusOK()
          ? new Sent(hash, block, Optional.empty())
          : new Sent(hash, block, Optional.of("reverted"));
    } catch (IOException e) {
      throw new ChainException("L1 unreachable: " + e.getMessage(), e);
    }
  }

  private TransactionReceipt await(String hash) throws IOException {
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionReceipt> r =
          web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (r.isPresent()) {
        return r.get();
      }
      java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
    }
    throw new ChainException("no receipt for " + hash + " within " + RECEIPT_TIMEOUT);
  }
}
