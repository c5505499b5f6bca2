/**
 * Signing: the pipeline that turns this validator's own safe batches into partial signatures.
 *
 * <p>Public face:
 *
 * <ul>
 *   <li>{@link org.fedbridge.validator.signing.SignedPartial} — what the loop hands to the {@code
 *       consensus.PartialPublisher}, one per batch and epoch, already recorded by the protection;
 *   <li>{@link org.fedbridge.validator.signing.SignedPartials} — the signed partials, from the
 *       protection table, for re-publication after a restart ({@code find}, and {@code after} to
 *       page through them in recording order);
 *   <li>{@link org.fedbridge.validator.signing.ProtectedSigner} — the only way to sign anything
 *       (batches, and {@code EpochChange} or governance messages of other features): the signing
 *       protection as a decorator around {@code keys.Signer};
 *   <li>{@link org.fedbridge.validator.signing.SigningHalt} — fail-closed state (read by heartbeats
 *       and readiness; set by the watchers);
 *   <li>{@link org.fedbridge.validator.signing.SigningLoop} — drives batches (a Spring lifecycle
 *       bean; {@code wake()} runs a round at once);
 *   <li>{@link org.fedbridge.validator.signing.SigningProtectionAdmin} and {@code /api/signing*} —
 *       status, resume, export and import of the protection (interchange JSON).
 * </ul>
 *
 * <p>The pipeline's stages run in one fixed order ({@code SigningPipeline}): own observation →
 * limits → accountant → signing protection → partial signature. Each check answers a sealed {@link
 * org.fedbridge.validator.signing.Verdict}; time and everything read are passed in, so the pipeline
 * is tested without I/O.
 */
package org.fedbridge.validator.signing;
