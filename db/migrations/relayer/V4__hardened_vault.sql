-- The hardened vault (issue 9): every root waits out a challenge window and may be revoked; a
-- payout that fails becomes a debt; the outflow limit counts settled withdrawals by sub-window.

-- When the vault settled a withdrawal (paid it or recorded its debt): the block time of the claim,
-- which is what the vault's outflow window counts.
ALTER TABLE transfers ADD COLUMN settled_at TIMESTAMPTZ;
CREATE INDEX transfers_settled ON transfers (settled_at) WHERE settled_at IS NOT NULL;

-- When a posted root pays from (WithdrawalRootPosted's claimableAt), and which root was revoked.
ALTER TABLE batches ADD COLUMN claimable_at TIMESTAMPTZ;
ALTER TABLE batches ADD COLUMN revoked_root TEXT;
