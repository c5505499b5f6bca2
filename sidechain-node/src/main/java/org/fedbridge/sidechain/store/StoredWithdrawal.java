package org.fedbridge.sidechain.store;

import org.fedbridge.core.message.Withdrawal;

/** A stored withdrawal, its block and its leaf index in the block's withdrawal tree. */
public record StoredWithdrawal(long blockNumber, int leafIndex, Withdrawal withdrawal) {}
