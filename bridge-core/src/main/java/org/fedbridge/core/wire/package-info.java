/**
 * Kafka record codecs shared by every service (docs/architecture.md, "Kafka records"): {@link
 * org.fedbridge.core.wire.PartialRecord} ({@code bridge.partials}), {@link
 * org.fedbridge.core.wire.CertificateRecord} ({@code bridge.certificates}), {@link
 * org.fedbridge.core.wire.HeartbeatRecord} ({@code bridge.heartbeats}) and {@link
 * org.fedbridge.core.wire.GovernanceRecord} ({@code bridge.governance}, signed by admin-api's
 * governance key). DKG messages on {@code bridge.dkg} use {@link org.fedbridge.core.dkg.DkgCodec}.
 *
 * <p>Kafka is untrusted. Decoders are strict and total: any byte string gives a record or a {@code
 * Result.Err} (wrong size, trailing bytes, unknown version, kind or type, out-of-range field,
 * oversized count, non-canonical or invalid point), never an exception and never a second encoding
 * of the same record. Records a member publishes carry its identity signature, checked by {@code
 * authenticate} on the raw bytes before any BLS point is decompressed; certificates verify
 * themselves under the group key.
 */
package org.fedbridge.core.wire;
