package org.fedbridge.relayer.track;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fedbridge.core.types.Keccak;
import org.springframework.stereotype.Component;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The hardened vault's events about roots and payouts (contracts/README.md, issue 9), read by their
 * signatures so that the relayer follows them as soon as the vault emits them: a revoked root pays
 * nothing ever (its withdrawals become {@code REVOKED}); a payout that failed became a debt the
 * recipient pulls ({@code DEBT}), and is paid when the recipient pulls it.
 */
@Component
class VaultEvents {
  static final String REVOKED_BY_PAUSER = topic("RootRevokedByPauser(bytes32,uint256,address)");
  static final String REVOKED_BY_CERTIFICATE =
      topic("RootRevokedByCertificate(bytes32,uint256,uint256)");
  static final String PAYOUT_DEFERRED = topic("PayoutDeferred(uint256,address,address,uint256)");
  static final String OWED_WITHDRAWN = topic("OwedWithdrawn(address,address,address,uint256)");

  private final TransferBook book;
  private final BatchBook batches;
  private final TransferRepository transfers;

  VaultEvents(TransferBook book, BatchBook batches, TransferRepository transfers) {
    this.book = book;
    this.batches = batches;
    this.transfers = transfers;
  }

  static String topic(String signature) {
    return Keccak.hash(signature.getBytes(StandardCharsets.US_ASCII)).toHex();
  }

  /** Applies the log if it is one of these events; returns whether it was. */
  boolean apply(Log l, Instant at) {
    List<String> topics = l.getTopics();
    String topic = topics.get(0).toLowerCase(Locale.ROOT);
    if ((topic.equals(REVOKED_BY_PAUSER) || topic.equals(REVOKED_BY_CERTIFICATE))
        && topics.size() >= 3) {
      String root = topics.get(1).toLowerCase(Locale.ROOT);
      long batchId = Numeric.toBigInt(topics.get(2)).longValueExact();
      String by =
          topic.equals(REVOKED_BY_PAUSER)
              ? "revoked by pauser " + address(topics.get(3))
              : "revoked by a certificate of epoch " + words(l.getData()).get(0);
      if (batches.revoked(batchId, root, at)) {
        for (TransferEntity t : batches.transfersOf(Kind.WITHDRAWAL, batchId)) {
          book.end(
              t,
              Stage.REVOKED,
              "its root was "
                  + by
                  + ": the vault never pays from a revoked root (nor will the relayer claim it)",
              at);
        }
      }
      return true;
    }
    if (topic.equals(PAYOUT_DEFERRED) && topics.size() == 4) {
      TransferEntity t = book.findOrNew(Kind.WITHDRAWAL, Numeric.toBigInt(topics.get(1)));
      if (t.id == null) {
        t.l1Token = address(topics.get(2));
        t.recipient = address(topics.get(3));
        t.amount = words(l.getData()).get(0);
      }
      t.targetTxHash = l.getTransactionHash().toLowerCase(Locale.ROOT);
      t.settledAt = at;
      book.advance(t, Stage.DEBT, Transfers.debt(t.recipient, t.l1Token), null, at);
      return true;
    }
    if (topic.equals(OWED_WITHDRAWN) && topics.size() == 3) {
      String recipient = address(topics.get(1));
      String token = address(topics.get(2));
      for (TransferEntity t :
          transfers.findByKindAndStageAndRecipientAndL1Token(
              Kind.WITHDRAWAL, Stage.DEBT, recipient, token)) {
        t.targetTxHash = l.getTransactionHash().toLowerCase(Locale.ROOT);
        book.advance(t, Stage.CLAIMED, "paid: the recipient pulled what the vault owed", null, at);
      }
      return true;
    }
    return false;
  }

  private static String address(String topic) {
    return Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(topic), 40);
  }

  private static List<BigInteger> words(String data) {
    String hex = Numeric.cleanHexPrefix(data == null ? "" : data);
    List<BigInteger> out = new ArrayList<>();
    for (int i = 0; i + 64 <= hex.length(); i += 64) {
      out.add(new BigInteger(hex.substring(i, i + 64), 16));
    }
    return out;
  }
}
