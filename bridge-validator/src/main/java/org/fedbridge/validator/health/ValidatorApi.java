package org.fedbridge.validator.health;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.consensus.Certificate;
import org.fedbridge.validator.consensus.CertificateBook;
import org.fedbridge.validator.consensus.CertificateContent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The validator's small read-only REST API: the certificates it holds (withdrawal certificates are
 * what the relayer posts on L1) and its status. Every input is checked; errors are problem details
 * ({@link ApiErrors}).
 */
@RestController
@RequestMapping("/api/v1")
class ValidatorApi {
  private final CertificateBook book;
  private final HeartbeatPublisher heartbeat;

  ValidatorApi(CertificateBook book, HeartbeatPublisher heartbeat) {
    this.book = book;
    this.heartbeat = heartbeat;
  }

  @GetMapping("/certificates/{type}/{batchId}")
  Map<String, Object> certificate(@PathVariable String type, @PathVariable String batchId) {
    return book.find(type(type), batchId(batchId))
        .map(ValidatorApi::json)
        .orElseThrow(ApiError.NOT_FOUND::exception);
  }

  @GetMapping("/certificates/{type}")
  Map<String, Object> certificates(
      @PathVariable String type,
      @RequestParam Optional<String> before,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiError.BAD_LIMIT.exception();
    }
    List<Map<String, Object>> items =
        book.list(type(type), before.map(ValidatorApi::batchId), limit).stream()
            .map(ValidatorApi::json)
            .toList();
    return Map.of("certificates", items);
  }

  @GetMapping("/status")
  Map<String, Object> status() {
    Heartbeat h = heartbeat.current();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("operatorId", h.operatorId());
    m.put("epoch", h.epoch());
    m.put("memberIndex", h.memberIndex());
    m.put("l1", Map.of("head", h.l1Head(), "safeHead", h.l1SafeHead(), "cursor", h.l1Cursor()));
    m.put("sidechain", Map.of("head", h.sidechainHead(), "cursor", h.sidechainCursor()));
    m.put("halted", h.haltReason().isPresent());
    h.haltReason().ifPresent(r -> m.put("haltReason", r));
    if (h.lastSignedType() != 0) {
      m.put(
          "lastSigned",
          Map.of(
              "type", typeName(MessageType.values()[h.lastSignedType() - 1]),
              "batchId", h.lastSignedBatchId().value().toString(),
              "epoch", h.lastSignedEpoch()));
    }
    m.put("version", h.version());
    return m;
  }

  static MessageType type(String type) {
    return switch (type) {
      case "deposit" -> MessageType.DEPOSIT_BATCH;
      case "withdrawal" -> MessageType.WITHDRAWAL_BATCH;
      case "epoch-change" -> MessageType.EPOCH_CHANGE;
      case "token-config" -> MessageType.TOKEN_CONFIG;
      case "pauser-update" -> MessageType.PAUSER_UPDATE;
      case "unpause" -> MessageType.UNPAUSE;
      default -> throw ApiError.UNKNOWN_TYPE.exception();
    };
  }

  static String typeName(MessageType type) {
    return switch (type) {
      case DEPOSIT_BATCH -> "deposit";
      case WITHDRAWAL_BATCH -> "withdrawal";
      case EPOCH_CHANGE -> "epoch-change";
      case TOKEN_CONFIG -> "token-config";
      case PAUSER_UPDATE -> "pauser-update";
      case UNPAUSE -> "unpause";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  static UInt256 batchId(String s) {
    // SECURITY: bounded before parsing, so a huge path segment costs nothing.
    if (s.isEmpty() || s.length() > 78 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ApiError.BAD_BATCH_ID.exception();
    }
    BigInteger v = new BigInteger(s);
    if (v.compareTo(UInt256.MAX_VALUE) > 0) {
      throw ApiError.BAD_BATCH_ID.exception();
    }
    return new UInt256(v);
  }

  static Map<String, Object> json(Certificate c) {
    CertificateContent content = c.content();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", typeName(c.key().type()));
    m.put("batchId", c.key().batchId().value().toString());
    m.put("epoch", c.key().epoch());
    m.put("digest", c.digest().toHex());
    m.put("signature", Hex.encode(content.signature().toCompressed()));
    m.put("signatureEip2537", Hex.encode(content.signature().toEip2537()));
    m.put("signers", content.signers());
    m.put("combinedBy", content.combinedBy());
    m.put("combinedHere", c.combinedHere());
    m.put("certifiedAt", c.certifiedAt().toString());
    if (content.message() instanceof EpochChange ec) {
      m.put("newEpoch", ec.newEpoch().value().toString());
      m.put("groupPublicKey", Hex.encode(ec.newGroupKey().toCompressed()));
      m.put("threshold", ec.members().threshold());
      m.put("membersHash", ec.members().membersHash().toHex());
      m.put(
          "members",
          ec.members().members().stream()
              .map(
                  x ->
                      Map.of(
                          "index", x.index(),
                          "operatorId", x.operatorId(),
                          "sharePublicKey", Hex.encode(x.sharePk().toCompressed())))
              .toList());
    } else if (content.message() instanceof WithdrawalBatch w) {
      m.put("withdrawalRoot", w.withdrawalRoot().toHex());
      m.put("withdrawalCount", w.withdrawalCount().value().toString());
      m.put("withdrawals", content.withdrawals().stream().map(ValidatorApi::withdrawal).toList());
    } else if (content.message() instanceof TokenConfig t) {
      m.put("governanceNonce", t.governanceNonce().value().toString());
      m.put("token", t.token().toHex());
      m.put("registered", t.registered());
      m.put("periodLimit", t.periodLimit().value().toString());
      m.put("periodSeconds", t.periodSeconds().value().toString());
      m.put("delayThreshold", t.delayThreshold().value().toString());
      m.put("delaySeconds", t.delaySeconds().value().toString());
    } else if (content.message() instanceof PauserUpdate p) {
      m.put("governanceNonce", p.governanceNonce().value().toString());
      m.put("pauser", p.pauser().toHex());
      m.put("enabled", p.enabled());
    } else if (content.message() instanceof Unpause u) {
      m.put("governanceNonce", u.governanceNonce().value().toString());
      m.put("pauseCount", u.pauseCount().value().toString());
    } else {
      m.put("deposits", content.deposits().stream().map(ValidatorApi::deposit).toList());
    }
    m.put("record", Hex.encode(c.record()));
    return m;
  }

  private static Map<String, String> deposit(Deposit d) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("nonce", d.nonce().value().toString());
    m.put("token", Hex.encode(d.token().bytes()));
    m.put("sender", Hex.encode(d.sender().bytes()));
    m.put("recipient", Hex.encode(d.recipient().bytes()));
    m.put("amount", d.amount().value().toString());
    return m;
  }

  private static Map<String, String> withdrawal(Withdrawal w) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("nonce", w.nonce().value().toString());
    m.put("l1Token", Hex.encode(w.l1Token().bytes()));
    m.put("sender", Hex.encode(w.sender().bytes()));
    m.put("l1Recipient", Hex.encode(w.l1Recipient().bytes()));
    m.put("amount", w.amount().value().toString());
    return m;
  }
}
