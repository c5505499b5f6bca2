package org.fedbridge.admin.proposals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new proposal. Which fields matter depends on {@code kind}; the others must be absent.
 *
 * @param kind what it changes
 * @param reason why, for the other admins (≤ 500 characters)
 * @param operatorId ADD_MEMBER, REMOVE_MEMBER, ROTATE_IDENTITY: the operator
 * @param identityPublicKey ADD_MEMBER, ROTATE_IDENTITY: its 33-byte compressed secp256k1 key
 * @param threshold member changes: the next epoch's t (default ⌊2n/3⌋+1)
 * @param token TOKEN_CONFIG: the L1 token (0x0…0 is ETH)
 * @param registered TOKEN_CONFIG: whether deposits of it are accepted
 * @param periodLimit TOKEN_CONFIG: most that may leave the vault per period (decimal, base units)
 * @param periodSeconds TOKEN_CONFIG: the period
 * @param delayThreshold TOKEN_CONFIG: withdrawals above this wait {@code delaySeconds}
 * @param delaySeconds TOKEN_CONFIG: that wait
 * @param symbol TOKEN_CONFIG: the sidechain token's symbol
 * @param name TOKEN_CONFIG: the sidechain token's name
 * @param decimals TOKEN_CONFIG: its decimals
 * @param pauser PAUSER_UPDATE: the address
 * @param enabled PAUSER_UPDATE: grant (true) or revoke (false)
 * @param pauseCount UNPAUSE: the pause to lift (the vault's {@code pauseCount()})
 * @param principal GRANT_ADMIN, REVOKE_ADMIN: the console principal
 */
public record ProposalRequest(
    @NotNull ProposalKind kind,
    @Size(max = 500) String reason,
    String operatorId,
    String identityPublicKey,
    Integer threshold,
    String token,
    Boolean registered,
    String periodLimit,
    Long periodSeconds,
    String delayThreshold,
    Long delaySeconds,
    String symbol,
    String name,
    Integer decimals,
    String pauser,
    Boolean enabled,
    Long pauseCount,
    String principal) {}
