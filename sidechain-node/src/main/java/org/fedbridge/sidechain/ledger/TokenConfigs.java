package org.fedbridge.sidechain.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.Governance;
import org.fedbridge.core.wire.GovernanceAction.TokenConfigAction;
import org.fedbridge.core.wire.GovernanceRecord;
import org.fedbridge.sidechain.genesis.Epoch;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.ledger.CertificateRejected.Reason;

/**
 * Certified {@code TokenConfig}s on the sidechain: the registry after genesis. A config is checked
 * exactly as the vault checks {@code submitTokenConfig}: the same digest under the same domain (L1
 * chain id, vault, this sidechain, the current epoch), signed by the current epoch's group key,
 * with the vault's ranges. The governance nonce must be above the last one applied to that token
 * (one counter per token: configs of different tokens commute, so they may arrive in any order).
 *
 * <p>A new token also needs its symbol, name and decimals, which the certificate does not sign:
 * they come in admin-api's {@link GovernanceRecord} (signed by the governance key the genesis
 * names) whose {@code TokenConfigAction} is the certified config. A token's metadata never changes
 * once registered; later configs change its registration and its withdrawal maximum (the period
 * limit: the vault never pays more at once).
 */
final class TokenConfigs {
  public static final Bytes32 TOKEN_CONFIGURED_TOPIC =
      Abi.topic("TokenConfigured(address,address,uint256,bool,uint256)");

  private static final BigInteger UINT96 = BigInteger.ONE.shiftLeft(96);
  private static final BigInteger UINT24 = BigInteger.ONE.shiftLeft(24);

  private final Genesis genesis;
  private final TokenRegistry tokens;

  TokenConfigs(Genesis genesis, TokenRegistry tokens) {
    this.genesis = genesis;
    this.tokens = tokens;
  }

  TokenConfigVerdict verify(TokenConfigCertificate c, State st) {
    Epoch current = st.epoch();
    TokenConfig cfg = c.config();
    // SECURITY: only the current epoch's federation configures tokens, as on the vault (rows 11,
    // 12).
    if (c.certificate().epoch() != current.number()) {
      return refused(
          Reason.WRONG_EPOCH,
          "wrong epoch: certificate " + c.certificate().epoch() + ", current " + current.number());
    }
    if (cfg.token().equals(Address.ZERO)) {
      return refused(
          Reason.NATIVE_TOKEN, "ETH is native here: its withdrawal maximum is the genesis'");
    }
    // The vault refuses these ranges (LimitOutOfRange), so no such config can hold on L1.
    if (cfg.periodLimit().value().compareTo(UINT96) >= 0
        || cfg.delayThreshold().value().compareTo(UINT96) >= 0
        || cfg.periodSeconds().value().signum() == 0
        || cfg.periodSeconds().value().compareTo(UINT24) >= 0
        || cfg.delaySeconds().value().compareTo(UINT24) >= 0) {
      return refused(Reason.LIMIT_OUT_OF_RANGE, "limits out of the vault's ranges");
    }
    Optional<TokenRegistry.Setting> applied = tokens.setting(st.view(), cfg.token());
    // SECURITY: a replayed or older config never undoes a newer one.
    if (applied.isPresent()
        && cfg.governanceNonce().compareTo(applied.get().governanceNonce()) < 0) {
      return stale(cfg, applied.get());
    }
    Token existing = tokens.forL1(st.view(), cfg.token());
    Optional<TokenConfigAction> metadata = Optional.empty();
    if (c.governance().isPresent()) {
      Metadata m = metadata(c.governance().get(), cfg);
      if (m instanceof Metadata.Refused r) {
        return new TokenConfigVerdict.Refused(r.rejection());
      }
      metadata = Optional.of(((Metadata.Authentic) m).action());
    }
    if (existing == null) {
      if (!cfg.registered()) {
        return refused(Reason.UNKNOWN_TOKEN, "token " + cfg.token() + " is not registered here");
      }
      if (metadata.isEmpty()) {
        return refused(
            Reason.METADATA_MISSING,
            "a new token needs the governance record with its symbol, name and decimals");
      }
    }
    // SECURITY: the vault's digest and domain, the current group key (threats.md row 13).
    if (!c.certificate().verify(current.groupKey(), domain(current.number()))) {
      return refused(Reason.BAD_SIGNATURE, "bad signature for epoch " + current.number());
    }
    if (applied.isPresent() && cfg.governanceNonce().equals(applied.get().governanceNonce())) {
      boolean same =
          applied.get().registered() == cfg.registered()
              && applied.get().periodLimit().equals(cfg.periodLimit());
      return same ? new TokenConfigVerdict.AlreadyApplied() : stale(cfg, applied.get());
    }
    return new TokenConfigVerdict.Applicable(new VerifiedTokenConfig(c, metadata));
  }

  /** The metadata of a governance record: authentic and for the certified config, or not. */
  private sealed interface Metadata {
    record Authentic(TokenConfigAction action) implements Metadata {}

    record Refused(CertificateRejected rejection) implements Metadata {}
  }

  private Metadata metadata(GovernanceRecord record, TokenConfig certified) {
    Optional<IdentityPublicKey> key = genesis.governanceKey();
    if (key.isEmpty()) {
      return bad(
          Reason.NO_GOVERNANCE_KEY,
          "this sidechain's genesis names no governanceKey: token metadata cannot be checked");
    }
    // SECURITY: only admin-api's governance key vouches for a token's symbol, name and decimals.
    Result<Void> authentic = record.authenticate(key.get());
    if (!authentic.isOk()) {
      return bad(Reason.METADATA_UNAUTHENTICATED, "governance record: " + why(authentic));
    }
    Governance g = record.governance();
    if (g.l1ChainId() != genesis.l1ChainId()
        || !g.vault().equals(genesis.vault())
        || g.sidechainId() != genesis.chainId()) {
      return bad(Reason.METADATA_MISMATCH, "governance record for another deployment");
    }
    if (!(g.action() instanceof TokenConfigAction t) || !t.config().equals(certified)) {
      return bad(
          Reason.METADATA_MISMATCH,
          "governance record " + g.sequence() + " is not the certified TokenConfig");
    }
    if (t.symbol().isEmpty()) {
      return bad(Reason.BAD_METADATA, "empty token symbol");
    }
    return new Metadata.Authentic(t);
  }

  private static Metadata bad(Reason reason, String message) {
    return new Metadata.Refused(CertificateRejected.of(reason, message));
  }

  /** Registers or re-configures the token; returns the log. */
  List<LogEntry> apply(VerifiedTokenConfig verified, State st) {
    TokenConfig cfg = verified.certificate().config();
    Address l1 = cfg.token();
    Token existing = tokens.forL1(st.view(), l1);
    Token base;
    if (existing == null) {
      TokenConfigAction m = verified.metadata().orElseThrow();
      tokens.known(l1);
      base = Token.of(l1, m.symbol(), m.name().isEmpty() ? m.symbol() : m.name(), m.decimals());
      List<Address> index = new ArrayList<>(TokenRegistry.registeredSince(st.view()));
      index.add(l1);
      st.put(StateKey.tokenIndex(), TokenRegistry.encodeIndex(index));
    } else {
      base = existing;
    }
    // The vault never pays more than a period's limit at once: nothing above it is burned.
    Token token = base.withMaxWithdrawal(cfg.periodLimit());
    st.put(StateKey.token(token.address()), TokenRegistry.encode(token));
    st.put(
        StateKey.tokenConfig(l1),
        TokenRegistry.encode(
            new TokenRegistry.Setting(cfg.governanceNonce(), cfg.registered(), cfg.periodLimit())));
    return List.of(
        new LogEntry(
            BridgeContract.ADDRESS,
            List.of(
                TOKEN_CONFIGURED_TOPIC,
                new Bytes32(l1.toWord()),
                new Bytes32(token.address().toWord()),
                Words.word(cfg.governanceNonce())),
            Abi.concat(Words.uint(cfg.registered() ? 1 : 0), cfg.periodLimit().toWord())));
  }

  private Domain domain(long epoch) {
    return new Domain(
        UInt256.of(genesis.l1ChainId()),
        genesis.vault(),
        UInt256.of(genesis.chainId()),
        UInt256.of(epoch));
  }

  private static TokenConfigVerdict stale(TokenConfig cfg, TokenRegistry.Setting applied) {
    return refused(
        Reason.STALE_GOVERNANCE_NONCE,
        "governance nonce "
            + cfg.governanceNonce()
            + " is not above "
            + applied.governanceNonce()
            + ", the last one applied to token "
            + cfg.token());
  }

  private static TokenConfigVerdict refused(Reason reason, String message) {
    return new TokenConfigVerdict.Refused(CertificateRejected.of(reason, message));
  }

  static String why(Result<?> r) {
    return r instanceof Result.Err<?> e ? e.reason() + ": " + e.detail() : "ok";
  }
}
