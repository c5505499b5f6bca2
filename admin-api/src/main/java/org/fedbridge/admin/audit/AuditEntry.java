package org.fedbridge.admin.audit;

import java.time.Instant;
import org.fedbridge.core.types.Bytes32;

/**
 * One audit log entry as stored.
 *
 * @param seq position in the chain, from 1
 * @param at when it happened (the service's clock, microseconds)
 * @param actor the principal, or {@code system:<component>}
 * @param action what was done, e.g. {@code proposal.approve}
 * @param target what it was done to, e.g. {@code proposal/12}
 * @param outcome {@code done}, {@code refused} or {@code alert}
 * @param details canonical JSON with the particulars (never a secret)
 * @param prevHash the previous entry's hash (zero for the first)
 * @param hash this entry's hash ({@link AuditChain#hash})
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    String action,
    String target,
    String outcome,
    String details,
    Bytes32 prevHash,
    Bytes32 hash) {}
