package org.fedbridge.core.wire;

import java.util.List;
import org.fedbridge.core.merkle.MerkleTree;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.message.WithdrawalBatch;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;

/**
 * What a certificate certifies: the full payload from which every consumer recomputes the signed
 * message (and so the digest) itself. Every wire type has one.
 */
public sealed interface CertificateBody {
  /** Most deposits or withdrawals one certificate carries. */
  int MAX_ENTRIES = 4096;

  WireType type();

  /**
   * L1 block number, sidechain block number, the new epoch of an {@code EpochChange}, or the vault
   * governance nonce of a {@code TokenConfig}, {@code PauserUpdate} or {@code Unpause}.
   */
  UInt256 batchId();

  /** The message the federation signed. */
  SignedMessage message();

  /** One L1 block's deposits in log order; signs {@code DepositBatch.of(batchId, deposits)}. */
  record DepositBody(UInt256 batchId, List<Deposit> deposits) implements CertificateBody {
    public DepositBody {
      requireBatchId(batchId);
      deposits = List.copyOf(deposits);
      checkSize(deposits.size());
    }

    @Override
    public WireType type() {
      return WireType.DEPOSIT_BATCH;
    }

    @Override
    public SignedMessage message() {
      return DepositBatch.of(batchId, deposits);
    }
  }

  /** One sidechain block's withdrawals in block order. */
  record WithdrawalBody(UInt256 batchId, List<Withdrawal> withdrawals) implements CertificateBody {
    public WithdrawalBody {
      requireBatchId(batchId);
      withdrawals = List.copyOf(withdrawals);
      checkSize(withdrawals.size());
    }

    @Override
    public WireType type() {
      return WireType.WITHDRAWAL_BATCH;
    }

    @Override
    public SignedMessage message() {
      MerkleTree tree = MerkleTree.of(withdrawals.stream().map(Withdrawal::leaf).toList());
      return new WithdrawalBatch(batchId, tree.root(), UInt256.of(withdrawals.size()));
    }
  }

  /** The hand-over to the next epoch's federation. */
  record EpochChangeBody(EpochChange epochChange) implements CertificateBody {
    public EpochChangeBody {
      if (epochChange == null) {
        throw new IllegalArgumentException("epoch change must not be null");
      }
    }

    @Override
    public WireType type() {
      return WireType.EPOCH_CHANGE;
    }

    @Override
    public UInt256 batchId() {
      return epochChange.newEpoch();
    }

    @Override
    public SignedMessage message() {
      return epochChange;
    }
  }

  /**
   * A token registration or change of limits, approved on the admin console and certified by the
   * federation for the vault's {@code submitTokenConfig} (batch id = its governance nonce).
   */
  record TokenConfigBody(TokenConfig config) implements CertificateBody {
    public TokenConfigBody {
      if (config == null) {
        throw new IllegalArgumentException("token config must not be null");
      }
    }

    @Override
    public WireType type() {
      return WireType.TOKEN_CONFIG;
    }

    @Override
    public UInt256 batchId() {
      return config.governanceNonce();
    }

    @Override
    public SignedMessage message() {
      return config;
    }
  }

  /**
   * A pauser added or removed, approved on the admin console and certified by the federation for
   * the vault's {@code submitPauserUpdate} (batch id = its governance nonce).
   */
  record PauserUpdateBody(PauserUpdate update) implements CertificateBody {
    public PauserUpdateBody {
      // SECURITY: the vault refuses the zero address (ZeroAddress): such a body is never valid.
      if (update == null
          || update.governanceNonce() == null
          || update.pauser() == null
          || update.pauser().equals(Address.ZERO)) {
        throw new IllegalArgumentException("pauser update needs a nonce and a non-zero pauser");
      }
    }

    @Override
    public WireType type() {
      return WireType.PAUSER_UPDATE;
    }

    @Override
    public UInt256 batchId() {
      return update.governanceNonce();
    }

    @Override
    public SignedMessage message() {
      return update;
    }
  }

  /**
   * The lifting of pause number {@code pauseCount}, approved on the admin console and certified by
   * the federation for the vault's {@code submitUnpause} (batch id = its governance nonce).
   */
  record UnpauseBody(Unpause unpause) implements CertificateBody {
    public UnpauseBody {
      // SECURITY: pause counts start at 1; an Unpause of pause 0 lifts nothing the vault has.
      if (unpause == null || unpause.pauseCount().value().signum() == 0) {
        throw new IllegalArgumentException("unpause needs a pause count >= 1");
      }
    }

    @Override
    public WireType type() {
      return WireType.UNPAUSE;
    }

    @Override
    public UInt256 batchId() {
      return unpause.governanceNonce();
    }

    @Override
    public SignedMessage message() {
      return unpause;
    }
  }

  private static void requireBatchId(UInt256 batchId) {
    if (batchId == null) {
      throw new IllegalArgumentException("batch id must not be null");
    }
  }

  private static void checkSize(int n) {
    if (n < 1 || n > MAX_ENTRIES) {
      throw new IllegalArgumentException("a batch holds 1.." + MAX_ENTRIES + " entries, not " + n);
    }
  }
}
