/**
 * Distributed key generation without a trusted dealer: Joint-Feldman (Pedersen) with complaints, as
 * a transport-independent state machine.
 *
 * <p>Running it over a totally ordered log such as the {@code bridge.dkg} Kafka topic:
 *
 * <ol>
 *   <li>All members agree on a {@link org.fedbridge.core.dkg.DkgConfig} (session id, members with
 *       operator ids and secp256k1 identity keys, threshold). The config refuses a threshold below
 *       ⌊2n/3⌋+1 and an operator or identity key that appears twice.
 *   <li>Each member creates a {@link org.fedbridge.core.dkg.DkgSession}, calls {@code start()} and
 *       publishes the returned {@code Deal} ({@link org.fedbridge.core.dkg.DkgCodec} gives bytes).
 *   <li>Every message read from the log goes to {@code receive(...)}, which authenticates it.
 *   <li>At agreed log positions (round-end markers, never local clocks) members call {@code
 *       endDealRound()} (publish the complaints it returns), {@code endComplaintRound()} (publish
 *       the justifications), then {@code finish()}.
 *   <li>{@code finish()} yields the group key, every share key, this member's secret share, and the
 *       transcript; anyone can re-run {@link org.fedbridge.core.dkg.DkgTranscript#evaluate()}.
 *       {@link org.fedbridge.core.dkg.DkgPublicOutput#memberSet} gives the epoch's member set for
 *       the {@code EpochChange}.
 * </ol>
 */
package org.fedbridge.core.dkg;
