package org.fedbridge.validator.keys;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.fedbridge.core.keystore.ShareKeystore;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * Signs with the share keystores of the key directory ({@code bridge.validator.keys.signer =
 * keystore}). A share is loaded the first time its epoch is asked for (the DKG writes it once the
 * key is confirmed) and kept in memory; an epoch without a share file is refused.
 */
final class KeystoreSigner implements Signer {
  private final KeyDirectory keys;
  private final ConcurrentMap<Long, ShareKeystore> shares = new ConcurrentHashMap<>();

  KeystoreSigner(KeyDirectory keys) {
    this.keys = keys;
  }

  @Override
  public Result<PartialSignature> sign(long epoch, Bytes32 digest) {
    Result<ShareKeystore> share = share(epoch);
    if (!share.isOk()) {
      return share.map(s -> null);
    }
    return Result.ok(ThresholdSigner.partialSign(share.orThrow().share(), digest));
  }

  private Result<ShareKeystore> share(long epoch) {
    ShareKeystore cached = shares.get(epoch);
    if (cached != null) {
      return Result.ok(cached);
    }
    Optional<Result<ShareKeystore>> file = keys.share(epoch);
    if (file.isEmpty()) {
      // SECURITY: no share for this epoch, nothing to sign with (and nothing else is tried).
      return Result.err(Rejection.UNKNOWN_MEMBER, "this member holds no share for epoch " + epoch);
    }
    Result<ShareKeystore> loaded = file.get();
    if (!loaded.isOk()) {
      return loaded;
    }
    ShareKeystore s = loaded.orThrow();
    if (s.epoch() != epoch) {
      s.close();
      return Result.err(
          Rejection.MALFORMED, keys.shareFile(epoch) + " holds the share of epoch " + s.epoch());
    }
    ShareKeystore raced = shares.putIfAbsent(epoch, s);
    if (raced != null) {
      s.close();
      return Result.ok(raced);
    }
    return Result.ok(s);
  }
}
