package org.fedbridge.admin.audit;

import org.fedbridge.core.types.Bytes32;

/**
 * The result of walking the whole chain.
 *
 * @param valid every entry is in place, in order and unchanged
 * @param entries entries checked
 * @param headSeq the last entry's position (0 when empty)
 * @param headHash the last entry's hash: note it down elsewhere to detect a removed tail later
 * @param firstBrokenSeq the first entry that breaks the chain (0 when valid)
 * @param problem what is wrong with it (empty when valid)
 */
public record AuditVerification(
    boolean valid,
    long entries,
    long headSeq,
    Bytes32 headHash,
    long firstBrokenSeq,
    String problem) {}
