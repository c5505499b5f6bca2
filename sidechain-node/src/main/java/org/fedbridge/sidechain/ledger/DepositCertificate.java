package org.fedbridge.sidechain.ledger;

import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * A deposit batch with the federation's signature over its digest, as a validator submits it. It is
 * only a claim until {@link Ledger#verify(DepositCertificate)} turns it into a {@link
 * VerifiedMint}.
 *
 * @param epoch the epoch whose federation signed
 * @param batchId the L1 block number that holds the deposits
 */
public record DepositCertificate(
    long epoch, UInt256 batchId, List<Deposit> deposits, Signature signature) {
  public DepositCertificate {
    deposits = List.copyOf(deposits);
  }

  /** RLP {@code [epoch, batchId, [[nonce, token, sender, recipient, amount]…], signature]}. */
  public byte[] encode() {
    List<byte[]> ds = new ArrayList<>();
    for (Deposit d : deposits) {
      ds.add(
          Rlp.list(
              Rlp.uint(d.nonce()),
              Rlp.string(d.token().bytes()),
              Rlp.string(d.sender().bytes()),
              Rlp.string(d.recipient().bytes()),
              Rlp.uint(d.amount())));
    }
    return Rlp.list(
        Rlp.uint(epoch), Rlp.uint(batchId), Rlp.list(ds), Rlp.string(signature.toCompressed()));
  }
}
