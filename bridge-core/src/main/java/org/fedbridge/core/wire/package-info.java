/**
 * Kafka record codecs shared by every service (docs/architecture.md, "Kafka records"): {@link
 * org.fedbridge.core.wire.PartialRecord} ({@code bridge.partials}), {@link
 * org.fedbridge.core.wire.CertificateRecord} ({@code bridge.certificates}) and {@link
 * org.fedbridge.core.wire.HeartbeatRecord} ({@code bridge.heartbeats}). DKG messages on {@code
 * bridge.dkg} use {@link org.fedbridge.core.dkg.DkgCodec}.
 *
 * <p>Kafka is untrusted. Decoders are strict and total: any byte string gives a record or a {@code
 * Result.Err} (wrong size, unknown version or type, out-of-range field, trailing bytes,
 * non-canonical or invalid point, unknown sender, bad identity signature), never an exception and
 * never a second encoding of the same record. Records a member publishes are authenticated with its
 * identity key against an {@link org.fedbridge.core.wire.IdentityDirectory} built from the epoch's
 * agreed member list.
 */
package org.fedbridge.core.wire;
