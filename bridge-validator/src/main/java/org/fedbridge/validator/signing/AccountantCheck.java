package org.fedbridge.validator.signing;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.fedbridge.core.types.Address;

/**
 * Stage 3: the accountant. Never certify withdrawals of a token beyond what is locked for it on L1:
 * the deposits this validator saw (safe) minus the withdrawals it already signed. A refused batch
 * stays open and is retried: this validator may simply not have read the deposits yet.
 */
final class AccountantCheck implements SigningStage {

  @Override
  public String name() {
    return "accountant";
  }

  @Override
  public Verdict check(Candidate candidate, SigningContext context) {
    for (Map.Entry<Address, BigInteger> e : candidate.withdrawalTotals().entrySet()) {
      BigInteger locked = context.book().locked(e.getKey());
      // SECURITY: a sidechain that minted too much (or a forged replica) cannot drain the vault
      // through this validator's signature.
      if (e.getValue().compareTo(locked) > 0) {
        return new Verdict.Refuse(
            Refusal.LOCKED_AMOUNT_EXCEEDED,
            "withdrawal batch "
                + candidate.request().batchId()
                + " takes "
                + e.getValue()
                + " of token "
                + e.getKey().toHex()
                + " but only "
                + locked
                + " is locked for it",
            Optional.of(e.getKey()));
      }
    }
    return Verdict.PASS;
  }
}
