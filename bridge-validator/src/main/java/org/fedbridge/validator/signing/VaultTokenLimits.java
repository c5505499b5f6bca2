package org.fedbridge.validator.signing;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Reads {@code tokenSettings(token)} from the vault through its web3j wrapper, at the latest block
 * and at the L1 safe head, and keeps the stricter of the two: a loosening is only believed once it
 * is final, a tightening at once. Cached for {@code refresh}.
 */
final class VaultTokenLimits implements TokenLimitsSource, AutoCloseable {
  private record Cached(TokenLimits limits, Instant readAt) {}

  private final Web3j web3j;
  private final BridgeVault vault;
  private final String vaultAddress;
  private final LongSupplier safeHead;
  private final Duration refresh;
  private final Clock clock;
  private final Map<Address, Cached> cache = new ConcurrentHashMap<>();

  VaultTokenLimits(
      Web3j web3j, String vaultAddress, LongSupplier safeHead, Duration refresh, Clock clock) {
    this.web3j = web3j;
    this.vaultAddress = vaultAddress;
    // Read-only: the wrapper is used to encode and decode calls, never to send transactions.
    this.vault =
        BridgeVault.load(
            vaultAddress,
            web3j,
            new ReadonlyTransactionManager(web3j, vaultAddress),
            new DefaultGasProvider());
    this.safeHead = safeHead;
    this.refresh = refresh;
    this.clock = clock;
  }

  /** Shuts the L1 client down. */
  @Override
  public void close() {
    web3j.shutdown();
  }

  @Override
  public Result<Map<Address, TokenLimits>> limits(Set<Address> tokens) {
    Instant now = clock.instant();
    Map<Address, TokenLimits> out = new HashMap<>();
    for (Address token : tokens) {
      Cached c = cache.get(token);
      if (c != null && c.readAt().plus(refresh).isAfter(now)) {
        out.put(token, c.limits());
        continue;
      }
      try {
        TokenLimits latest = read(token, DefaultBlockParameterName.LATEST);
        long safe = safeHead.getAsLong();
        TokenLimits limits =
            safe < 0
                ? latest
                : latest.stricter(
                    read(token, DefaultBlockParameter.valueOf(BigInteger.valueOf(safe))));
        cache.put(token, new Cached(limits, now));
        out.put(token, limits);
      } catch (Exception e) {
        return Result.err(
            Rejection.MALFORMED, "cannot read tokenSettings(" + token.toHex() + "): " + e);
      }
    }
    return Result.ok(out);
  }

  private TokenLimits read(Address token, DefaultBlockParameter at) throws Exception {
    RemoteFunctionCall<BridgeVault.TokenSettings> call = vault.tokenSettings(token.toHex());
    EthCall response =
        web3j
            .ethCall(
                Transaction.createEthCallTransaction(null, vaultAddress, call.encodeFunctionCall()),
                at)
            .send();
    if (response.hasError() || response.isReverted()) {
      throw new IllegalStateException(
          response.hasError() ? response.getError().getMessage() : response.getRevertReason());
    }
    @SuppressWarnings("rawtypes")
    List<Type> decoded = call.decodeFunctionResponse(response.getValue());
    if (decoded.size() != 1 || !(decoded.get(0) instanceof BridgeVault.TokenSettings s)) {
      throw new IllegalStateException("unexpected tokenSettings answer " + response.getValue());
    }
    return new TokenLimits(
        s.registered,
        new UInt256(s.periodLimit),
        seconds(s.periodSeconds),
        new UInt256(s.delayThreshold),
        seconds(s.delaySeconds));
  }

  // The vault keeps durations in 24 bits; anything larger is a misread, not a long period.
  private static long seconds(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 32) {
      throw new IllegalStateException("duration out of range: " + v);
    }
    return v.longValueExact();
  }
}
