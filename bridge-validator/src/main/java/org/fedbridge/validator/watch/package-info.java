/**
 * Watchers: L1 deposits up to the safe head, sidechain withdrawals from this operator's replica.
 *
 * <p>Public face: {@link org.fedbridge.validator.watch.WatchStatus} (heads, safe head, cursors,
 * halt reason; for heartbeats, metrics and readiness). The watchers themselves are driven by their
 * own threads; they store what they read through {@code batch.Observations} and halt signing
 * through {@code signing.SigningHalt} when the chain they stored is not the chain the node follows.
 */
package org.fedbridge.validator.watch;
