/**
 * Distributed key generation without a trusted dealer: Joint-Feldman (Pedersen) with complaints,
 * run over a totally ordered log such as the {@code bridge.dkg} Kafka topic.
 *
 * <ol>
 *   <li>All members agree on a {@link org.fedbridge.core.dkg.DkgConfig} (session id from {@link
 *       org.fedbridge.core.dkg.DkgSessionId}, members with operator ids and secp256k1 identity
 *       keys, threshold). The config refuses a threshold below ⌊2n/3⌋+1 and an operator or identity
 *       key that appears twice.
 *   <li>Each member records a random 32-byte dealing seed (before it publishes anything), starts a
 *       {@link org.fedbridge.core.dkg.DkgRun} and publishes its outbox: its deal and a "done" vote.
 *   <li>Every record read from the log goes to {@code DkgRun.onRecord}, in log order, the member's
 *       own records included; it publishes what that returns, and calls {@code timeout()} when its
 *       own deadline for the current round passes. {@link org.fedbridge.core.dkg.DkgLog} closes
 *       each round at an agreed log position (n "done" or t "timed out" votes).
 *   <li>After the third round each member with a valid share confirms the outcome; the key is
 *       usable ({@code DkgRun.confirmed()}) once the log holds t matching confirmations.
 *   <li>Anyone with the accepted records re-runs {@link org.fedbridge.core.dkg.DkgLog} and reaches
 *       the same phases, transcript, group key and confirmations.
 * </ol>
 *
 * <p>Records are {@link org.fedbridge.core.dkg.DkgCodec} bytes, authenticated by the sender's
 * identity signature before any point is decoded. Identity keys live in libsecp256k1 (constant-time
 * signing and ECDH).
 */
package org.fedbridge.core.dkg;
