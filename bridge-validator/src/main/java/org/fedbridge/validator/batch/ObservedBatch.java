package org.fedbridge.validator.batch;

import java.util.List;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/**
 * A batch this validator built from its own observations: one per safe L1 block holding deposits,
 * one per sidechain block holding withdrawals, in log order, so that every honest validator builds
 * (and signs) identical bytes without a leader; and the hand-over to the next epoch, which is the
 * output of a DKG this validator took part in and confirmed itself; and a token configuration the
 * admin console published and this validator checked itself against the vault's governance nonce
 * (so are a pauser update and an unpause, the latter also against the vault's current pause).
 */
public sealed interface ObservedBatch {
  MessageType type();

  /** L1 block number for deposits, sidechain block number for withdrawals. */
  UInt256 batchId();

  /** The block the items came from (not signed; kept to explain reorgs). */
  Bytes32 blockHash();

  /** The message the federation signs. */
  SignedMessage message();

  /** One L1 block's deposits, in log order. */
  record Deposits(UInt256 batchId, Bytes32 blockHash, List<Deposit> deposits)
      implements ObservedBatch {
    public Deposits {
      deposits = List.copyOf(deposits);
      if (deposits.isEmpty()) {
        throw new IllegalArgumentException("a deposit batch holds at least one deposit");
      }
    }

    @Override
    public MessageType type() {
      return MessageType.DEPOSIT_BATCH;
    }

    @Override
    public DepositBatch message() {
      return DepositBatch.of(batchId, deposits);
    }
  }

  /** One sidechain block's withdrawals, in block order. */
  record Withdrawals(UInt256 batchId, Bytes32 blockHash, List<Withdrawal> withdrawals)
      implements ObservedBatch {
    public Withdrawals {
      withdrawals = List.copyOf(withdrawals);
      if (withdrawals.isEmpty()) {
        throw new IllegalArgumentException("a withdrawal batch holds at least one withdrawal");
      }
    }

    @Override
    public MessageType type() {
      return MessageType.WITHDRAWAL_BATCH;
    }

    @Override
    public WithdrawalBatch message() {
      MerkleTree tree = MerkleTree.of(withdrawals.stream().map(Withdrawal::leaf).toList());
      return new WithdrawalBatch(batchId, tree.root(), UInt256.of(withdrawals.size()));
    }
  }

  /**
   * The hand-over to the next epoch as this validator's own DKG confirmed it (batch id = the new
   * epoch; no block behind it).
   */
  record EpochHandover(EpochChange change) implements ObservedBatch {
    public EpochHandover {
      if (change == null) {
        throw new IllegalArgumentException("an epoch hand-over needs its EpochChange");
      }
    }

    @Override
    public MessageType type() {
      return MessageType.EPOCH_CHANGE;
    }

    @Override
    public UInt256 batchId() {
      return change.newEpoch();
    }

    @Override
    public Bytes32 blockHash() {
      return Bytes32.ZERO;
    }

    @Override
    public EpochChange message() {
      return change;
    }
  }

  /**
   * A token registration or change of limits as this validator read it from an authentic governance
   * record, for the vault's current governance nonce (batch id = that nonce; no block behind it).
   */
  record TokenRegistration(TokenConfig config) implements ObservedBatch {
    public TokenRegistration {
      if (config == null) {
        throw new IllegalArgumentException("a token registration needs its TokenConfig");
      }
    }

    @Override
    public MessageType type() {
      return MessageType.TOKEN_CONFIG;
    }

    @Override
    public UInt256 batchId() {
      return config.governanceNonce();
    }

    @Override
    public Bytes32 blockHash() {
      return Bytes32.ZERO;
    }

    @Override
    public TokenConfig message() {
      return config;
    }
  }

  /**
   * A pauser added or removed as this validator read it from an authentic governance record, for
   * the vault's current governance nonce (batch id = that nonce; no block behind it).
   */
  record PauserChange(PauserUpdate update) implements ObservedBatch {
    public PauserChange {
      if (update == null) {
        throw new IllegalArgumentException("a pauser change needs its PauserUpdate");
      }
    }

    @Override
    public MessageType type() {
      return MessageType.PAUSER_UPDATE;
    }

    @Override
    public UInt256 batchId() {
      return update.governanceNonce();
    }

    @Override
    public Bytes32 blockHash() {
      return Bytes32.ZERO;
    }

    @Override
    public PauserUpdate message() {
      return update;
    }
  }

  /**
   * The lifting of the vault's current pause as this validator read it from an authentic governance
   * record, for the vault's current governance nonce and pause count (batch id = that nonce).
   */
  record PauseLift(Unpause unpause) implements ObservedBatch {
    public PauseLift {
      if (unpause == null) {
        throw new IllegalArgumentException("a pause lift needs its Unpause");
      }
    }

    @Override
    public MessageType type() {
      return MessageType.UNPAUSE;
    }

    @Override
    public UInt256 batchId() {
      return unpause.governanceNonce();
    }

    @Override
    public Bytes32 blockHash() {
      return Bytes32.ZERO;
    }

    @Override
    public Unpause message() {
      return unpause;
    }
  }
}
