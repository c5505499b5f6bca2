package org.fedbridge.relayer.track;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A withdrawal the vault settled (paid, or owed after a failed payout): what its outflow limit
 * counts.
 *
 * @param token the L1 token ({@code 0x0…0} for ETH)
 * @param at the block time of the claim that settled it
 * @param amount in the token's smallest unit
 */
public record Outflow(String token, Instant at, BigInteger amount) {}
