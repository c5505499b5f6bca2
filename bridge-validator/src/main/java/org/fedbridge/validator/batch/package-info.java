/**
 * Batches: one {@code DepositBatch} per safe L1 block holding deposits (all of them, log order),
 * one {@code WithdrawalBatch} per sidechain block holding withdrawals; leaderless and
 * deterministic, so every honest validator signs identical bytes.
 *
 * <p>Public face: {@link org.fedbridge.validator.batch.Batches} (what this validator observed, for
 * signing and consensus), {@link org.fedbridge.validator.batch.Observations} (the watchers' writes:
 * items and cursor in one transaction) and {@link org.fedbridge.validator.batch.BatchQueue} (the
 * signing loop's open batches, holds and per-token sums). One PostgreSQL store behind all three.
 */
package org.fedbridge.validator.batch;
