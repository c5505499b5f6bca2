package org.fedbridge.validator.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * This member's identity keys: the one in use ({@code identity.json}) and, while an identity
 * rotation is under way, the next one ({@code identity-next.json}). The federation knows a member
 * by the identity key each epoch's member set lists for it, so a new key takes part in the DKG of
 * the epoch that lists it while the old one keeps signing for the current epoch.
 */
public final class Identities implements AutoCloseable {
  private final IdentityKeystore current;
  private final Optional<IdentityKeystore> next;

  Identities(IdentityKeystore current, Optional<IdentityKeystore> next) {
    this.current = current;
    this.next = next;
  }

  /**
   * Opens the key directory's identity keystores. SECURITY: both must name the same operator, so a
   * stray file cannot make this process speak for another operator.
   */
  public static Result<Identities> open(KeyDirectory keys) {
    Result<IdentityKeystore> current = keys.identity();
    if (!current.isOk()) {
      return current.map(x -> null);
    }
    Optional<Result<IdentityKeystore>> next = keys.nextIdentity();
    if (next.isEmpty()) {
      return Result.ok(new Identities(current.orThrow(), Optional.empty()));
    }
    if (!next.get().isOk()) {
      current.orThrow().close();
      return next.get().map(x -> null);
    }
    IdentityKeystore c = current.orThrow();
    IdentityKeystore n = next.get().orThrow();
    if (!c.operatorId().equals(n.operatorId())) {
      c.close();
      n.close();
      return Result.err(
          Rejection.UNKNOWN_MEMBER,
          keys.nextIdentityFile() + " names another operator than " + keys.identityFile());
    }
    if (c.identity().publicKey().equals(n.identity().publicKey())) {
      c.close();
      n.close();
      return Result.err(
          Rejection.DUPLICATE_MEMBER,
          keys.nextIdentityFile() + " holds the same key as " + keys.identityFile());
    }
    return Result.ok(new Identities(c, Optional.of(n)));
  }

  /** The identity in use ({@code identity.json}). */
  public IdentityKeystore current() {
    return current;
  }

  /** Every identity this member holds, the one in use first. */
  public List<IdentityKeystore> all() {
    List<IdentityKeystore> all = new ArrayList<>(2);
    all.add(current);
    next.ifPresent(all::add);
    return all;
  }

  /** The identity with public key {@code key}, if this member holds it. */
  public Optional<IdentityKeystore> find(IdentityPublicKey key) {
    return all().stream().filter(k -> k.identity().publicKey().equals(key)).findFirst();
  }

  /**
   * A signer that signs an epoch's records with the key {@code listed} says that epoch's member set
   * gives this member, and with the identity in use when the epoch is unknown or lists none of this
   * member's keys (the other members then refuse what it signs, which is right).
   */
  public IdentitySigner signer(LongFunction<Optional<IdentityPublicKey>> listed) {
    return new EpochSigner(Signers.identity(current.identity()), listed);
  }

  @Override
  public void close() {
    current.close();
    next.ifPresent(IdentityKeystore::close);
  }

  @Override
  public String toString() {
    return "Identities(" + all().stream().map(k -> k.identity().publicKey()).toList() + ")";
  }

  private final class EpochSigner implements IdentitySigner {
    private final IdentitySigner inUse;
    private final LongFunction<Optional<IdentityPublicKey>> listed;

    EpochSigner(IdentitySigner inUse, LongFunction<Optional<IdentityPublicKey>> listed) {
      this.inUse = inUse;
      this.listed = listed;
    }

    @Override
    public IdentityPublicKey publicKey() {
      return inUse.publicKey();
    }

    @Override
    public byte[] sign(Bytes32 hash) {
      return inUse.sign(hash);
    }

    @Override
    public IdentitySigner forEpoch(long epoch) {
      return listed
          .apply(epoch)
          .flatMap(Identities.this::find)
          .<IdentitySigner>map(k -> Signers.identity(k.identity()))
          .orElse(inUse);
    }

    @Override
    public String toString() {
      return "IdentitySigner(" + Identities.this + ")";
    }
  }
}
