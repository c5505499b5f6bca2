package org.fedbridge.validator.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;

/**
 * The signing protection as a JSON document, in the spirit of EIP-3076 (slashing protection
 * interchange): metadata binding it to one deployment and operator, and one record per signed key.
 *
 * <pre>{@code
 * { "metadata": { "interchange_format": "fedbridge.signing-protection",
 *                 "interchange_format_version": "1", "l1_chain_id": "31337",
 *                 "vault": "0x…", "sidechain_id": "1337", "operator_id": "op-1" },
 *   "data": [ { "message_type": "DEPOSIT_BATCH", "batch_id": "42", "epoch": "0",
 *               "digest": "0x…32 bytes", "member_index": 2, "partial_signature": "0x…48 bytes" } ] }
 * }</pre>
 *
 * {@code member_index} and {@code partial_signature} are optional (together). Numbers are decimal
 * strings, as in EIP-3076.
 */
final class ProtectionInterchange {
  static final String FORMAT = "fedbridge.signing-protection";
  static final String VERSION = "1";
  private static final Set<String> METADATA_FIELDS =
      Set.of(
          "interchange_format",
          "interchange_format_version",
          "l1_chain_id",
          "vault",
          "sidechain_id",
          "operator_id");
  private static final Set<String> RECORD_FIELDS =
      Set.of("message_type", "batch_id", "epoch", "digest", "member_index", "partial_signature");

  private final ObjectMapper json = new ObjectMapper();

  /** Whose protection it is. */
  record Metadata(long l1ChainId, Address vault, long sidechainId, String operatorId) {}

  /** A parsed document, or why it was refused. */
  sealed interface Parsed {
    record Ok(List<SigningProtectionStore.Entry> entries) implements Parsed {}

    record Bad(SigningApiError error, String detail) implements Parsed {}
  }

  String export(Metadata metadata, List<ProtectionRecord> records) {
    ObjectNode root = json.createObjectNode();
    ObjectNode m = root.putObject("metadata");
    m.put("interchange_format", FORMAT);
    m.put("interchange_format_version", VERSION);
    m.put("l1_chain_id", Long.toString(metadata.l1ChainId()));
    m.put("vault", metadata.vault().toHex());
    m.put("sidechain_id", Long.toString(metadata.sidechainId()));
    m.put("operator_id", metadata.operatorId());
    ArrayNode data = root.putArray("data");
    for (ProtectionRecord r : records) {
      ObjectNode o = data.addObject();
      o.put("message_type", r.type().name());
      o.put("batch_id", r.batchId().value().toString());
      o.put("epoch", Long.toString(r.epoch()));
      o.put("digest", r.digest().toHex());
      r.partial()
          .ifPresent(
              p -> {
                o.put("member_index", p.index());
                o.put("partial_signature", Hex.encode(p.signature().toCompressed()));
              });
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write interchange", e);
    }
  }

  /** Parses strictly; never throws on bad input. */
  Parsed parse(String body, Metadata expected, int maxRecords) {
    JsonNode root;
    try {
      root = json.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      return bad("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("metadata").isObject()) {
      return bad("expected an object with \"metadata\" and \"data\"");
    }
    JsonNode m = root.get("metadata");
    for (var it = m.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!METADATA_FIELDS.contains(f)) {
        return bad("unknown metadata field " + f);
      }
    }
    if (!FORMAT.equals(m.path("interchange_format").asText(null))
        || !VERSION.equals(m.path("interchange_format_version").asText(null))) {
      return bad("interchange_format must be " + FORMAT + " version " + VERSION);
    }
    String foreign = foreignField(m, expected);
    if (foreign != null) {
      return new Parsed.Bad(SigningApiError.OTHER_DEPLOYMENT, foreign + " does not match");
    }
    JsonNode data = root.get("data");
    if (data == null || !data.isArray()) {
      return bad("\"data\" must be an array");
    }
    if (data.size() > maxRecords) {
      return new Parsed.Bad(
          SigningApiError.TOO_MANY_RECORDS, data.size() + " records, at most " + maxRecords);
    }
    List<SigningProtectionStore.Entry> entries = new ArrayList<>();
    Map<String, Bytes32> seen = new HashMap<>();
    for (int i = 0; i < data.size(); i++) {
      Result<SigningProtectionStore.Entry> e = entry(data.get(i));
      if (!(e instanceof Result.Ok<SigningProtectionStore.Entry> ok)) {
        return bad("data[" + i + "]: " + ((Result.Err<?>) e).detail());
      }
      SigningProtectionStore.Entry entry = ok.value();
      String key = entry.type() + "/" + entry.batchId() + "/" + entry.epoch();
      Bytes32 before = seen.putIfAbsent(key, entry.digest());
      if (before != null) {
        if (!before.equals(entry.digest())) {
          return new Parsed.Bad(
              SigningApiError.CONFLICTING_RECORDS, "data[" + i + "]: two digests for " + key);
        }
        continue;
      }
      entries.add(entry);
    }
    return new Parsed.Ok(entries);
  }

  private static String foreignField(JsonNode m, Metadata expected) {
    if (!Long.toString(expected.l1ChainId()).equals(m.path("l1_chain_id").asText(null))) {
      return "l1_chain_id";
    }
    Result<Address> vault = Address.decode(m.path("vault").asText(""));
    if (!vault.isOk() || !vault.orThrow().equals(expected.vault())) {
      return "vault";
    }
    if (!Long.toString(expected.sidechainId()).equals(m.path("sidechain_id").asText(null))) {
      return "sidechain_id";
    }
    if (!expected.operatorId().equals(m.path("operator_id").asText(null))) {
      return "operator_id";
    }
    return null;
  }

  private static Result<SigningProtectionStore.Entry> entry(JsonNode o) {
    if (o == null || !o.isObject()) {
      return err("not an object");
    }
    for (var it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!RECORD_FIELDS.contains(f)) {
        return err("unknown field " + f);
      }
    }
    MessageType type;
    try {
      type = MessageType.valueOf(o.path("message_type").asText(""));
    } catch (IllegalArgumentException e) {
      return err("unknown message_type");
    }
    Result<UInt256> batchId = decimal(o.get("batch_id"), "batch_id");
    Result<UInt256> epoch = decimal(o.get("epoch"), "epoch");
    if (!batchId.isOk()) {
      return err(((Result.Err<?>) batchId).detail());
    }
    if (!epoch.isOk()) {
      return err(((Result.Err<?>) epoch).detail());
    }
    if (epoch.orThrow().value().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
      return err("epoch out of range");
    }
    Result<Bytes32> digest = Bytes32.decode(o.path("digest").asText(""));
    if (!digest.isOk()) {
      return err("digest: " + ((Result.Err<?>) digest).detail());
    }
    Optional<PartialSignature> partial = Optional.empty();
    boolean hasIndex = o.has("member_index");
    if (hasIndex != o.has("partial_signature")) {
      return err("member_index and partial_signature go together");
    }
    if (hasIndex) {
      JsonNode idx = o.get("member_index");
      if (!idx.canConvertToInt()
          || !idx.isIntegralNumber()
          || idx.intValue() < 1
          || idx.intValue() > ThresholdPolicy.MAX_MEMBERS) {
        return err("member_index out of range");
      }
      Result<byte[]> bytes = Hex.tryDecode(o.get("partial_signature").asText(""), 48);
      if (!bytes.isOk()) {
        return err("partial_signature: " + ((Result.Err<?>) bytes).detail());
      }
      // SECURITY: only valid points are stored (they may be re-published to the federation).
      Result<Signature> sig = Signature.fromCompressed(bytes.orThrow());
      if (!sig.isOk()) {
        return err("partial_signature: " + ((Result.Err<?>) sig).detail());
      }
      partial = Optional.of(new PartialSignature(idx.intValue(), sig.orThrow()));
    }
    return Result.ok(
        new SigningProtectionStore.Entry(
            type,
            batchId.orThrow(),
            epoch.orThrow().value().longValueExact(),
            digest.orThrow(),
            partial));
  }

  private static Result<UInt256> decimal(JsonNode n, String field) {
    if (n == null || !n.isTextual()) {
      return Result.err(Rejection.MALFORMED, field + " must be a decimal string");
    }
    return UInt256.decode(n.asText());
  }

  private static Result<SigningProtectionStore.Entry> err(String detail) {
    return Result.err(Rejection.MALFORMED, detail);
  }

  private static Parsed bad(String detail) {
    return new Parsed.Bad(SigningApiError.MALFORMED_INTERCHANGE, detail);
  }
}
