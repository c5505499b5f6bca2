package org.fedbridge.validator.federation;

import java.util.Optional;

/**
 * The epochs this validator knows. Only the epoch that is active on both chains is {@link
 * #current()}: a validator never signs batches for an epoch that is not yet active (threats.md row
 * 11) nor for one that was replaced.
 */
public interface Federations {
  /** The active epoch, or empty before the first epoch is active (then nothing is signed). */
  Optional<EpochView> current();

  /** Any known epoch (to check partials and certificates of recent epochs). */
  Optional<EpochView> epoch(long number);
}
