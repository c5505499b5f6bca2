package org.fedbridge.validator.consensus;

import java.util.List;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.Withdrawal;

/**
 * What a certificate record says: the certified batch's items and the group signature. {@code
 * signers} and {@code combinedBy} are the publisher's claims (not covered by the BLS signature):
 * for monitoring only.
 *
 * @param key type, batch id and signing epoch
 * @param message the signed message (its digest under the epoch's domain is what was signed)
 * @param deposits the deposits of a deposit batch, in log order (empty for other types)
 * @param withdrawals the withdrawals of a withdrawal batch, in block order (empty for other types)
 * @param signature the group signature
 * @param signers member indexes whose partials were combined, ascending (claimed)
 * @param combinedBy member index of the combiner (claimed)
 */
public record CertificateContent(
    BatchKey key,
    SignedMessage message,
    List<Deposit> deposits,
    List<Withdrawal> withdrawals,
    Signature signature,
    List<Integer> signers,
    int combinedBy) {
  public CertificateContent {
    deposits = List.copyOf(deposits);
    withdrawals = List.copyOf(withdrawals);
    signers = List.copyOf(signers);
  }
}
