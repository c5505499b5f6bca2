package org.fedbridge.validator.signing;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Address;
import org.fedbridge.validator.batch.ObservedBatch;

/** One check of the signing pipeline: small, pure, and it answers with a {@link Verdict}. */
interface SigningStage {

  /** The stage's name, stored with a hold and used in logs and metrics. */
  String name();

  Verdict check(Candidate candidate, SigningContext context);

  /**
   * A request and what this validator's own store holds for it.
   *
   * @param observed the stored batch, checked against the request by the first stage
   */
  record Candidate(SigningRequest request, Optional<ObservedBatch> observed) {

    /** The batch's withdrawals (empty for deposits). */
    List<Withdrawal> withdrawals() {
      return observed.orElse(null) instanceof ObservedBatch.Withdrawals w
          ? w.withdrawals()
          : List.of();
    }

    /** Per-token totals of the batch's withdrawals, in token order (empty for deposits). */
    Map<Address, BigInteger> withdrawalTotals() {
      return observed.orElse(null) instanceof ObservedBatch.Withdrawals w
          ? SigningStage.withdrawalTotals(w)
          : new TreeMap<>(SigningStage::compareAddresses);
    }

    /** Per-token largest single withdrawal (for the delay rule). */
    Map<Address, BigInteger> largestWithdrawals() {
      Map<Address, BigInteger> largest = new TreeMap<>(SigningStage::compareAddresses);
      if (observed.orElse(null) instanceof ObservedBatch.Withdrawals w) {
        for (Withdrawal x : w.withdrawals()) {
          largest.merge(x.l1Token(), x.amount().value(), BigInteger::max);
        }
      }
      return largest;
    }
  }

  /** Per-token totals of a withdrawal batch, in token order. */
  static Map<Address, BigInteger> withdrawalTotals(ObservedBatch.Withdrawals batch) {
    Map<Address, BigInteger> totals = new TreeMap<>(SigningStage::compareAddresses);
    for (Withdrawal x : batch.withdrawals()) {
      totals.merge(x.l1Token(), x.amount().value(), BigInteger::add);
    }
    return totals;
  }

  static int compareAddresses(Address a, Address b) {
    return a.toHex().compareTo(b.toHex());
  }
}
