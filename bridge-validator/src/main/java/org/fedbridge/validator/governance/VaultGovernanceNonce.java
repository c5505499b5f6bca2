package org.fedbridge.validator.governance;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Reads the vault's {@code governanceNonce} (the only nonce it accepts next) from this validator's
 * own L1 node, at the latest block: a nonce used by a transaction that a reorg then drops comes
 * back, and the same configuration at the same nonce is signed again (same digest, which the
 * signing protection allows). It also reads the vault's pause state for an Unpause ({@link
 * #pauseState}). Every read goes to the node; an error is a value.
 */
public final class VaultGovernanceNonce implements Supplier<Result<UInt256>>, AutoCloseable {
  private final Web3j web3j;
  private final String vaultAddress;
  private final BridgeVault vault;

  public VaultGovernanceNonce(Web3j web3j, String vaultAddress) {
    this.web3j = web3j;
    this.vaultAddress = vaultAddress;
    // Read-only: the wrapper encodes and decodes the call, it never sends a transaction.
    this.vault =
        BridgeVault.load(
            vaultAddress,
            web3j,
            new ReadonlyTransactionManager(web3j, vaultAddress),
            new DefaultGasProvider());
  }

  @Override
  public Result<UInt256> get() {
    return read(vault.governanceNonce(), "governanceNonce()", BigInteger.class).map(UInt256::new);
  }

  /**
   * Whether the vault is paused and its {@code pauseCount()} (the number of the current or last
   * pause), both read at the latest block: an Unpause is signed only for the pause in force now.
   */
  public Result<PauseGovernance.PauseState> pauseState() {
    Result<Boolean> paused = read(vault.paused(), "paused()", Boolean.class);
    if (!paused.isOk()) {
      return paused.map(p -> null);
    }
    return read(vault.pauseCount(), "pauseCount()", BigInteger.class)
        .map(n -> new PauseGovernance.PauseState(paused.orThrow(), new UInt256(n)));
  }

  private <T> Result<T> read(RemoteFunctionCall<?> call, String name, Class<T> type) {
    try {
      EthCall response =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(
                      null, vaultAddress, call.encodeFunctionCall()),
                  DefaultBlockParameterName.LATEST)
              .send();
      if (response.hasError() || response.isReverted()) {
        return Result.err(
            Rejection.MALFORMED,
            name
                + ": "
                + (response.hasError()
                    ? response.getError().getMessage()
                    : response.getRevertReason()));
      }
      @SuppressWarnings("rawtypes")
      List<Type> decoded = call.decodeFunctionResponse(response.getValue());
      if (decoded.size() != 1 || !type.isInstance(decoded.get(0).getValue())) {
        return Result.err(Rejection.MALFORMED, "unexpected " + name + " answer");
      }
      return Result.ok(type.cast(decoded.get(0).getValue()));
    } catch (Exception e) {
      return Result.err(Rejection.MALFORMED, "cannot read " + name + ": " + e);
    }
  }

  /** Shuts the L1 client down. */
  @Override
  public void close() {
    web3j.shutdown();
  }
}
