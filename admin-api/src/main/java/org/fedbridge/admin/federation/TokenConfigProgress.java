package org.fedbridge.admin.federation;

import java.time.Instant;

/**
 * Where one published token configuration stands, on L1 and on the sidechain.
 *
 * @param governanceNonce the vault's governance nonce it took
 * @param token the L1 token
 * @param registered whether it registers (true) or deregisters the token
 * @param l1 {@code WAITING_NONCE}, {@code WAITING_CERTIFICATE}, {@code SUBMITTED}, {@code QUEUED},
 *     {@code EXECUTED}, {@code APPLIED} (a tightening, at once), {@code CANCELLED} or {@code LOST}
 *     (its nonce went to something else)
 * @param l1Detail why it waits, until when, or what happened
 * @param sidechain {@code WAITING}, {@code SUBMITTED}, {@code APPLIED}, {@code SUPERSEDED}, {@code
 *     NOT_APPLICABLE} or {@code SKIPPED} (never applied on L1)
 * @param sidechainDetail why it waits, or what happened
 * @param updatedAt when this was last worked out
 */
public record TokenConfigProgress(
    String governanceNonce,
    String token,
    boolean registered,
    String l1,
    String l1Detail,
    String sidechain,
    String sidechainDetail,
    Instant updatedAt) {}
