package org.fedbridge.core.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.OperatorId;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * The {@code fedbridge} object of a keystore file: what the secret is for, in clear, under an HMAC.
 * For an identity file only {@code kind} and {@code operatorId} are set.
 */
record Meta(
    String kind,
    String operatorId,
    long epoch,
    int shareIndex,
    int threshold,
    Bytes32 sessionId,
    PublicKey groupKey,
    IdentityPublicKey owner) {

  static Meta identity(String operatorId) {
    return new Meta("identity", operatorId, 0, 0, 0, null, null, null);
  }

  static Meta share(ShareKeystore s) {
    return new Meta(
        "share",
        s.operatorId(),
        s.epoch(),
        s.share().index(),
        s.threshold(),
        s.sessionId(),
        s.groupKey(),
        s.owner());
  }

  ObjectNode write(ObjectNode fb) {
    fb.put("kind", kind);
    fb.put("operatorId", operatorId);
    if (kind.equals("share")) {
      fb.put("epoch", epoch);
      fb.put("shareIndex", shareIndex);
      fb.put("threshold", threshold);
      fb.put("sessionId", sessionId.toHex());
      fb.put("groupPublicKey", Hex.encode(groupKey.toCompressed()));
      fb.put("identityPublicKey", Hex.encode(owner.compressed()));
    }
    return fb;
  }

  static Result<Meta> read(JsonNode fb) {
    if (!fb.isObject()) {
      return Result.err(Rejection.MALFORMED, "not a fedbridge keystore (no fedbridge object)");
    }
    String kind = fb.path("kind").asText();
    Result<String> operator = OperatorId.check(fb.path("operatorId").asText(null));
    if (!operator.isOk()) {
      return operator.map(x -> null);
    }
    if (kind.equals("identity")) {
      return Result.ok(identity(operator.orThrow()));
    }
    if (!kind.equals("share")) {
      return Result.err(Rejection.MALFORMED, "unknown keystore kind");
    }
    long epoch = integer(fb.path("epoch"), Long.MAX_VALUE);
    long index = integer(fb.path("shareIndex"), 10_000);
    long threshold = integer(fb.path("threshold"), 10_000);
    if (epoch < 0 || index < 1 || threshold < 1) {
      return Result.err(Rejection.MALFORMED, "share keystore epoch, index or threshold invalid");
    }
    Result<Bytes32> session = Bytes32.decode(fb.path("sessionId").asText());
    Result<byte[]> group = Hex.tryDecode(fb.path("groupPublicKey").asText(), 96);
    Result<byte[]> owner = Hex.tryDecode(fb.path("identityPublicKey").asText(), 33);
    if (!session.isOk() || !group.isOk() || !owner.isOk()) {
      return Result.err(Rejection.MALFORMED, "share keystore session, group or owner key invalid");
    }
    Result<PublicKey> groupKey = PublicKey.fromCompressed(group.orThrow());
    Result<IdentityPublicKey> ownerKey = IdentityPublicKey.decode(owner.orThrow());
    if (!groupKey.isOk() || !ownerKey.isOk()) {
      return Result.err(Rejection.MALFORMED, "share keystore group or owner key invalid");
    }
    return Result.ok(
        new Meta(
            kind,
            operator.orThrow(),
            epoch,
            (int) index,
            (int) threshold,
            session.orThrow(),
            groupKey.orThrow(),
            ownerKey.orThrow()));
  }

  /**
   * {@code HMAC-SHA256(macKey, "fedbridge-keystore-meta-v2" ‖ pubkey ‖ every field)}, each
   * length-prefixed, so the clear fields are bound to the password-derived key.
   */
  byte[] hmac(byte[] macKey, String pubkey) {
    List<String> fields =
        kind.equals("share")
            ? List.of(
                "fedbridge-keystore-meta-v2",
                kind,
                pubkey,
                operatorId,
                Long.toString(epoch),
                Integer.toString(shareIndex),
                Integer.toString(threshold),
                sessionId.toHex(),
                Hex.encode(groupKey.toCompressed()),
                Hex.encode(owner.compressed()))
            : List.of("fedbridge-keystore-meta-v2", kind, pubkey, operatorId);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
      for (String f : fields) {
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        mac.update(
            new byte[] {
              (byte) (b.length >>> 24),
              (byte) (b.length >>> 16),
              (byte) (b.length >>> 8),
              (byte) b.length
            });
        mac.update(b);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static long integer(JsonNode node, long max) {
    return node.isIntegralNumber() && node.canConvertToLong() && node.asLong() <= max
        ? node.asLong()
        : -1;
  }
}
