package org.fedbridge.validator.dkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fedbridge.core.dkg.DkgConfig;
import org.fedbridge.core.dkg.DkgMember;
import org.fedbridge.core.dkg.DkgSessionId;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.message.Domain;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.OperatorId;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;

/**
 * A federation spec: what the members of a new epoch agree on before their DKG
 * (docs/architecture.md, "Federation spec"). The DKG's session id is derived from all of it, so
 * members holding different specs never mix their records.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "l1ChainId": 31337, "sidechainId": 1337,
 *   "vault": "0x0000000000000000000000000000000000000000",  // zero for epoch 0 (not deployed yet)
 *   "epoch": 0, "attempt": 0,                             // a failed run is retried as attempt 1
 *   "threshold": 3,
 *   "members": [ {"index": 1, "operatorId": "acme", "identityPublicKey": "0x02…"}, … ]
 * }
 * }</pre>
 *
 * @param json the spec as read, re-serialised canonically (stored with the session)
 */
public record FederationSpec(
    long l1ChainId,
    Address vault,
    long sidechainId,
    long epoch,
    long attempt,
    DkgConfig config,
    String json) {

  /** Largest spec file read. */
  public static final int MAX_BYTES = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of(
          "version",
          "l1ChainId",
          "sidechainId",
          "vault",
          "epoch",
          "attempt",
          "threshold",
          "members");
  private static final Set<String> MEMBER_FIELDS =
      Set.of("index", "operatorId", "identityPublicKey");

  public static Result<FederationSpec> read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Result.err(Rejection.MALFORMED, file + " is larger than 1 MiB");
      }
      return parse(Files.readString(file));
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Parses and checks a spec; every refusal names the field. */
  public static Result<FederationSpec> parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "federation spec is not JSON");
    }
    if (root == null || !root.isObject()) {
      return Result.err(Rejection.MALFORMED, "federation spec must be a JSON object");
    }
    Optional<String> unknown = unknownField(root, FIELDS);
    if (unknown.isPresent()) {
      return Result.err(Rejection.MALFORMED, "federation spec: unknown field " + unknown.get());
    }
    if (number(root, "version", 1, 1) == null) {
      return Result.err(Rejection.MALFORMED, "federation spec: version must be 1");
    }
    Long l1 = number(root, "l1ChainId", 1, Long.MAX_VALUE);
    Long side = number(root, "sidechainId", 1, Long.MAX_VALUE);
    Long epoch = number(root, "epoch", 0, Long.MAX_VALUE);
    Long attempt = number(root, "attempt", 0, Long.MAX_VALUE);
    Long threshold = number(root, "threshold", 1, ThresholdPolicy.MAX_MEMBERS);
    for (var f :
        new Object[][] {
          {"l1ChainId", l1},
          {"sidechainId", side},
          {"epoch", epoch},
          {"attempt", attempt},
          {"threshold", threshold}
        }) {
      if (f[1] == null) {
        return Result.err(
            Rejection.MALFORMED, "federation spec: " + f[0] + " is missing or out of range");
      }
    }
    Result<Address> vault = Address.decode(root.path("vault").asText(""));
    if (!vault.isOk()) {
      return Result.err(Rejection.MALFORMED, "federation spec: vault must be a 0x address");
    }
    JsonNode ms = root.path("members");
    if (!ms.isArray() || ms.isEmpty() || ms.size() > ThresholdPolicy.MAX_MEMBERS) {
      return Result.err(Rejection.MALFORMED, "federation spec: members must be a non-empty array");
    }
    List<DkgMember> members = new ArrayList<>();
    for (JsonNode m : ms) {
      Result<DkgMember> member = member(m);
      if (!member.isOk()) {
        return member.map(x -> null);
      }
      members.add(member.orThrow());
    }
    Domain domain =
        new Domain(UInt256.of(l1), vault.orThrow(), UInt256.of(side), UInt256.of(epoch));
    int t = threshold.intValue();
    Result<DkgConfig> config =
        DkgConfig.of(DkgSessionId.derive(domain, attempt, t, members), members, t);
    if (!config.isOk()) {
      Result.Err<DkgConfig> e = (Result.Err<DkgConfig>) config;
      return Result.err(e.reason(), "federation spec: " + e.detail());
    }
    return Result.ok(
        new FederationSpec(
            l1, vault.orThrow(), side, epoch, attempt, config.orThrow(), canonical(root)));
  }

  private static Result<DkgMember> member(JsonNode m) {
    if (!m.isObject() || unknownField(m, MEMBER_FIELDS).isPresent()) {
      return Result.err(
          Rejection.MALFORMED,
          "federation spec: each member needs exactly index, operatorId, identityPublicKey");
    }
    Long index = number(m, "index", 1, ThresholdPolicy.MAX_MEMBERS);
    if (index == null) {
      return Result.err(Rejection.MALFORMED, "federation spec: member index out of range");
    }
    Result<String> operator = OperatorId.check(m.path("operatorId").asText(null));
    if (!operator.isOk()) {
      return Result.err(
          Rejection.MALFORMED,
          "federation spec: member " + index + ": " + ((Result.Err<String>) operator).detail());
    }
    Result<byte[]> raw = Hex.tryDecode(m.path("identityPublicKey").asText(""), 33);
    Result<IdentityPublicKey> key =
        raw.isOk() ? IdentityPublicKey.decode(raw.orThrow()) : Result.err(Rejection.BAD_LENGTH, "");
    if (!key.isOk()) {
      return Result.err(
          Rejection.MALFORMED,
          "federation spec: member " + index + ": identityPublicKey must be a 33-byte key");
    }
    return Result.ok(new DkgMember(index.intValue(), operator.orThrow(), key.orThrow()));
  }

  /** The member whose identity key is {@code key}, if any. */
  public Optional<DkgMember> member(IdentityPublicKey key) {
    return config.members().stream().filter(m -> m.identity().equals(key)).findFirst();
  }

  public Domain domain() {
    return new Domain(UInt256.of(l1ChainId), vault, UInt256.of(sidechainId), UInt256.of(epoch));
  }

  public int threshold() {
    return config.t();
  }

  /** A spec document for these values (what an admin or the devnet writes). */
  public static String write(
      long l1ChainId,
      Address vault,
      long sidechainId,
      long epoch,
      long attempt,
      int threshold,
      List<DkgMember> members) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    root.put("l1ChainId", l1ChainId);
    root.put("sidechainId", sidechainId);
    root.put("vault", vault.toHex());
    root.put("epoch", epoch);
    root.put("attempt", attempt);
    root.put("threshold", threshold);
    ArrayNode ms = root.putArray("members");
    for (DkgMember m : members) {
      ms.addObject()
          .put("index", m.index())
          .put("operatorId", m.operatorId())
          .put("identityPublicKey", Hex.encode(m.identity().compressed()));
    }
    return root.toPrettyString();
  }

  private static String canonical(JsonNode root) {
    return root.toString();
  }

  private static Optional<String> unknownField(JsonNode node, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static Long number(JsonNode node, String field, long min, long max) {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      return null;
    }
    long x = v.asLong();
    return x < min || x > max ? null : x;
  }
}
