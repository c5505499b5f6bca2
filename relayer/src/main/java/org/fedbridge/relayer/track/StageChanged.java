package org.fedbridge.relayer.track;

import java.math.BigInteger;
import java.time.Instant;

/**
 * Published after the transaction that moved a transfer to a new stage commits; the event stream of
 * the API listens to it.
 *
 * @param transferId the transfer's row id
 * @param kind deposit or withdrawal
 * @param nonce the transfer's nonce
 * @param sender sender address (may be null while unknown)
 * @param recipient recipient address
 * @param stage the new stage
 * @param detail why it is there, for people
 * @param until when a hold ends, if known
 * @param at when it got there
 */
public record StageChanged(
    long transferId,
    Kind kind,
    BigInteger nonce,
    String sender,
    String recipient,
    Stage stage,
    String detail,
    Instant until,
    Instant at) {}
