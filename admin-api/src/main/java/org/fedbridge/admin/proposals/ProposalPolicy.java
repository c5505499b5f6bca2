package org.fedbridge.admin.proposals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedbridge.admin.api.AdminError;
import org.fedbridge.admin.api.Outcome;
import org.fedbridge.admin.auth.Principals;
import org.fedbridge.admin.federation.EpochView;
import org.fedbridge.admin.federation.Roster;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.core.wire.GovernanceAction;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a proposal before it may even be made, and works out exactly what it will publish.
 *
 * <p>SECURITY: a member change is refused unless the next epoch it defines passes the federation
 * policy: {@code ⌊2n/3⌋+1 ≤ t ≤ n} (threats.md row 4, Harmony), one share per operator (row 8,
 * Multichain), no operator holding t shares (row 1, Ronin), distinct identity keys. The rules are
 * bridge-core's ({@link GovernanceAction#rotation}), the same the validators apply again to the
 * published record. Token limits must fit what the vault accepts.
 */
@Component
class ProposalPolicy {
  static final BigInteger LIMIT_MAX = BigInteger.ONE.shiftLeft(96);
  static final long DURATION_MAX = (1L << 24) - 1;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<ProposalKind, Set<String>> FIELDS =
      Map.of(
          ProposalKind.ADD_MEMBER, Set.of("operatorId", "identityPublicKey", "threshold"),
          ProposalKind.REMOVE_MEMBER, Set.of("operatorId", "threshold"),
          ProposalKind.CHANGE_THRESHOLD, Set.of("threshold"),
          ProposalKind.ROTATE_IDENTITY, Set.of("operatorId", "identityPublicKey", "threshold"),
          ProposalKind.TOKEN_CONFIG,
              Set.of(
                  "token",
                  "registered",
                  "periodLimit",
                  "periodSeconds",
                  "delayThreshold",
                  "delaySeconds",
                  "symbol",
                  "name",
                  "decimals"),
          ProposalKind.PAUSER_UPDATE, Set.of("pauser", "enabled"),
          ProposalKind.UNPAUSE, Set.of("pauseCount"),
          ProposalKind.GRANT_ADMIN, Set.of("principal"),
          ProposalKind.REVOKE_ADMIN, Set.of("principal"));

  private final Roster roster;
  private final Principals principals;

  ProposalPolicy(Roster roster, Principals principals) {
    this.roster = roster;
    this.principals = principals;
  }

  /**
   * What a proposal will do.
   *
   * @param summary one line for people
   * @param effect canonical JSON of what will be published or done
   * @param baseEpoch for member changes, the epoch it changes
   */
  record Plan(String summary, String effect, Long baseEpoch) {}

  Outcome<Plan> check(ProposalRequest r, Optional<Long> liveMemberChange) {
    Map<String, Object> given = given(r);
    for (String field : given.keySet()) {
      if (!FIELDS.get(r.kind()).contains(field)) {
        return refuse(AdminError.INVALID_FIELD, field + ": does not apply to " + r.kind());
      }
    }
    try {
      return switch (r.kind()) {
        case ADD_MEMBER, REMOVE_MEMBER, CHANGE_THRESHOLD, ROTATE_IDENTITY ->
            memberChange(r, liveMemberChange);
        case TOKEN_CONFIG -> tokenConfig(r);
        case PAUSER_UPDATE -> pauserUpdate(r);
        case UNPAUSE -> unpause(r);
        case GRANT_ADMIN, REVOKE_ADMIN -> admin(r);
      };
    } catch (IllegalArgumentException e) {
      return refuse(AdminError.INVALID_FIELD, e.getMessage());
    }
  }

  private Outcome<Plan> memberChange(ProposalRequest r, Optional<Long> liveMemberChange) {
    Optional<EpochView> current = roster.current();
    if (current.isEmpty()) {
      return refuse(
          AdminError.UNAVAILABLE,
          "the console knows no federation yet (bridge.admin.federation.genesis-spec)");
    }
    Optional<EpochView> planned = roster.planned();
    if (planned.isPresent()) {
      return refuse(
          AdminError.CONFLICT,
          "the rotation to epoch " + planned.get().epoch() + " is in progress; wait for it");
    }
    if (liveMemberChange.isPresent()) {
      return refuse(
          AdminError.CONFLICT,
          "proposal " + liveMemberChange.get() + " already changes the members; cancel it first");
    }
    EpochView now = current.get();
    List<String> operators = new ArrayList<>();
    List<IdentityPublicKey> keys = new ArrayList<>();
    for (RotationMember m : now.members()) {
      operators.add(m.operatorId());
      keys.add(m.identityKey());
    }
    String summary;
    switch (r.kind()) {
      case ADD_MEMBER -> {
        String op = operatorId(r.operatorId());
        operators.add(op);
        keys.add(identityKey(r.identityPublicKey()));
        summary = "add operator " + op;
      }
      case REMOVE_MEMBER -> {
        String op = operatorId(r.operatorId());
        int at = operators.indexOf(op);
        if (at < 0) {
          return refuse(AdminError.INVALID_FIELD, "operatorId: " + op + " is not a member");
        }
        operators.remove(at);
        keys.remove(at);
        summary = "remove operator " + op;
      }
      case ROTATE_IDENTITY -> {
        String op = operatorId(r.operatorId());
        int at = operators.indexOf(op);
        if (at < 0) {
          return refuse(AdminError.INVALID_FIELD, "operatorId: " + op + " is not a member");
        }
        keys.set(at, identityKey(r.identityPublicKey()));
        summary = "new identity key for operator " + op;
      }
      default -> {
        if (r.threshold() == null) {
          return refuse(AdminError.INVALID_FIELD, "threshold: is required");
        }
        if (r.threshold() == now.threshold()) {
          return refuse(AdminError.CONFLICT, "the threshold is already " + now.threshold());
        }
        summary = "change the threshold";
      }
    }
    int n = operators.size();
    if (n < 1 || n > ThresholdPolicy.MAX_MEMBERS) {
      return refuse(AdminError.POLICY_VIOLATION, "a federation has 1 to 1000 members, not " + n);
    }
    int t = r.threshold() != null ? r.threshold() : ThresholdPolicy.minimumThreshold(n);
    List<RotationMember> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      members.add(new RotationMember(i + 1, operators.get(i), keys.get(i)));
    }
    long next = now.epoch() + 1;
    Result<Rotation> rotation = GovernanceAction.rotation(next, 0, t, members);
    if (!rotation.isOk()) {
      Result.Err<Rotation> e = (Result.Err<Rotation>) rotation;
      return refuse(AdminError.POLICY_VIOLATION, policyRow(e.reason(), e.detail()));
    }
    Optional<String> shortfall = HandoverRule.shortfall(now, members);
    if (shortfall.isPresent()) {
      return refuse(AdminError.POLICY_VIOLATION, shortfall.get());
    }
    ObjectNode effect = JSON.createObjectNode();
    effect.put("epoch", next).put("threshold", t);
    ArrayNode ms = effect.putArray("members");
    for (RotationMember m : members) {
      ms.addObject()
          .put("index", m.index())
          .put("operatorId", m.operatorId())
          .put("identityPublicKey", Hex.encode(m.identityKey().compressed()));
    }
    return Outcome.done(
        new Plan(
            summary + ": epoch " + next + " with " + t + "-of-" + n,
            effect.toString(),
            now.epoch()));
  }

  /** Names the threat a policy refusal prevents, so admins see why. */
  static String policyRow(Rejection reason, String detail) {
    if (reason == Rejection.DUPLICATE_MEMBER) {
      return "one operator, one share (threats row 8, Multichain): " + detail;
    }
    if (detail.contains("one operator would hold")) {
      return "no operator may hold t shares (threats row 1, Ronin): " + detail;
    }
    return "t must be at least ⌊2n/3⌋+1 and at most n (threats row 4, Harmony): " + detail;
  }

  private Outcome<Plan> tokenConfig(ProposalRequest r) {
    Address token = address("token", r.token());
    if (r.registered() == null) {
      return refuse(AdminError.INVALID_FIELD, "registered: is required");
    }
    UInt256 limit = amount("periodLimit", r.periodLimit());
    UInt256 delayThreshold = amount("delayThreshold", r.delayThreshold());
    long period = duration("periodSeconds", r.periodSeconds());
    long delay = duration("delaySeconds", r.delaySeconds());
    if (r.registered() && period < 1) {
      return refuse(AdminError.INVALID_FIELD, "periodSeconds: must be ≥ 1 for a registered token");
    }
    String symbol = text("symbol", r.symbol(), 32);
    String name = text("name", r.name(), 64);
    int decimals = r.decimals() == null ? 18 : r.decimals();
    if (decimals < 0 || decimals > 255) {
      return refuse(AdminError.INVALID_FIELD, "decimals: 0 to 255");
    }
    Map<String, Object> effect = new LinkedHashMap<>();
    effect.put("token", token.toHex());
    effect.put("registered", r.registered());
    effect.put("periodLimit", limit.value().toString());
    effect.put("periodSeconds", period);
    effect.put("delayThreshold", delayThreshold.value().toString());
    effect.put("delaySeconds", delay);
    effect.put("symbol", symbol);
    effect.put("name", name);
    effect.put("decimals", decimals);
    String what = r.registered() ? "configure token " : "deregister token ";
    return Outcome.done(
        new Plan(
            what + token.toHex() + (symbol.isEmpty() ? "" : " (" + symbol + ")"),
            JSON.writeValueAsString(effect),
            null));
  }

  private Outcome<Plan> pauserUpdate(ProposalRequest r) {
    Address pauser = address("pauser", r.pauser());
    if (pauser.equals(Address.ZERO)) {
      return refuse(AdminError.INVALID_FIELD, "pauser: must not be the zero address");
    }
    if (r.enabled() == null) {
      return refuse(AdminError.INVALID_FIELD, "enabled: is required");
    }
    Map<String, Object> effect = new LinkedHashMap<>();
    effect.put("pauser", pauser.toHex());
    effect.put("enabled", r.enabled());
    return Outcome.done(
        new Plan(
            (r.enabled() ? "grant" : "revoke") + " the pauser role of " + pauser.toHex(),
            JSON.writeValueAsString(effect),
            null));
  }

  private Outcome<Plan> unpause(ProposalRequest r) {
    if (r.pauseCount() == null || r.pauseCount() < 1) {
      return refuse(AdminError.INVALID_FIELD, "pauseCount: the vault's pauseCount(), ≥ 1");
    }
    return Outcome.done(
        new Plan(
            "unpause the vault (pause " + r.pauseCount() + ")",
            JSON.writeValueAsString(Map.of("pauseCount", r.pauseCount())),
            null));
  }

  private Outcome<Plan> admin(ProposalRequest r) {
    String name = r.principal();
    if (name == null || !name.matches(Principals.NAME)) {
      return refuse(AdminError.INVALID_FIELD, "principal: must match " + Principals.NAME);
    }
    Outcome<Void> ok =
        r.kind() == ProposalKind.GRANT_ADMIN
            ? principals.canGrantAdmin(name)
            : principals.canRevokeAdmin(name);
    if (ok instanceof Outcome.Refused<Void> no) {
      return refuse(no.error(), no.detail());
    }
    return Outcome.done(
        new Plan(
            (r.kind() == ProposalKind.GRANT_ADMIN ? "make " : "remove admin ")
                + name
                + (r.kind() == ProposalKind.GRANT_ADMIN ? " an admin" : ""),
            JSON.writeValueAsString(Map.of("principal", name)),
            null));
  }

  private static Map<String, Object> given(ProposalRequest r) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "operatorId", r.operatorId());
    put(m, "identityPublicKey", r.identityPublicKey());
    put(m, "threshold", r.threshold());
    put(m, "token", r.token());
    put(m, "registered", r.registered());
    put(m, "periodLimit", r.periodLimit());
    put(m, "periodSeconds", r.periodSeconds());
    put(m, "delayThreshold", r.delayThreshold());
    put(m, "delaySeconds", r.delaySeconds());
    put(m, "symbol", r.symbol());
    put(m, "name", r.name());
    put(m, "decimals", r.decimals());
    put(m, "pauser", r.pauser());
    put(m, "enabled", r.enabled());
    put(m, "pauseCount", r.pauseCount());
    put(m, "principal", r.principal());
    return m;
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static String operatorId(String s) {
    if (s == null || !s.matches("[a-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("operatorId: 1-64 of a-z, 0-9 and -");
    }
    return s;
  }

  private static IdentityPublicKey identityKey(String hex) {
    Result<byte[]> raw = Hex.tryDecode(hex == null ? "" : hex, 33);
    if (!raw.isOk() || !IdentityPublicKey.decode(raw.orThrow()).isOk()) {
      throw new IllegalArgumentException(
          "identityPublicKey: a 33-byte compressed secp256k1 key (0x…)");
    }
    return new IdentityPublicKey(raw.orThrow());
  }

  private static Address address(String field, String hex) {
    Result<Address> a = Address.decode(hex == null ? "" : hex);
    if (!a.isOk()) {
      throw new IllegalArgumentException(field + ": a 0x-prefixed 20-byte address");
    }
    return a.orThrow();
  }

  private static UInt256 amount(String field, String decimal) {
    Result<UInt256> v = UInt256.decode(decimal == null ? "" : decimal);
    if (!v.isOk() || v.orThrow().value().compareTo(LIMIT_MAX) >= 0) {
      throw new IllegalArgumentException(field + ": a decimal amount below 2^96");
    }
    return v.orThrow();
  }

  private static long duration(String field, Long seconds) {
    if (seconds == null || seconds < 0 || seconds > DURATION_MAX) {
      throw new IllegalArgumentException(field + ": 0 to 2^24-1 seconds");
    }
    return seconds;
  }

  private static String text(String field, String s, int max) {
    String v = s == null ? "" : s;
    if (v.length() > max || !v.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      throw new IllegalArgumentException(field + ": at most " + max + " printable characters");
    }
    return v;
  }

  private static <T> Outcome<T> refuse(AdminError error, String detail) {
    return Outcome.refused(error, detail);
  }
}
