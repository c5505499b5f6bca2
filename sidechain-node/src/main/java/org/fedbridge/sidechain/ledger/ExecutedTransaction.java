package org.fedbridge.sidechain.ledger;

/** A transaction with its receipt, at its position in a block. */
public record ExecutedTransaction(BlockTransaction tx, int index, Receipt receipt) {}
