// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title The structs and enums of the vault's ABI
/// @notice What callers pass and read (see contracts/README.md, "Interface"). The vault's storage
///         records are not here: each part of the vault keeps its own, packed, next to its code.
interface IVaultTypes {
    /// @notice One sidechain withdrawal, a leaf of a withdrawal batch.
    struct Withdrawal {
        uint256 nonce;
        address token;
        address sender;
        address recipient;
        uint256 amount;
    }

    /// @notice Inclusion proof of a withdrawal in a posted root.
    struct Proof {
        bytes32 root;
        uint256 index;
        bytes32[] siblings;
    }

    /// @notice A certified withdrawal batch (one sidechain block).
    struct WithdrawalBatch {
        uint256 batchId;
        bytes32 root;
        uint256 count;
    }

    /// @notice A federation rotation, signed by the current epoch.
    struct EpochChange {
        uint256 newEpoch;
        bytes groupKey;
        uint256 threshold;
        uint256 memberCount;
        bytes32 membersHash;
    }

    /// @notice Registry entry and risk limits of one token (`address(0)` is ETH).
    /// @dev    periodLimit/delayThreshold must fit 96 bits, periodSeconds (≥ 1)/delaySeconds 24 bits.
    struct TokenSettings {
        address token;
        bool registered;
        uint256 periodLimit;
        uint256 periodSeconds;
        uint256 delayThreshold;
        uint256 delaySeconds;
    }

    /// @notice Governance message adding or removing one pauser.
    struct PauserUpdate {
        uint256 governanceNonce;
        address pauser;
        bool enabled;
    }

    /// @notice Governance message lifting the pause number `pauseCount`.
    struct Unpause {
        uint256 governanceNonce;
        uint256 pauseCount;
    }

    /// @notice A posted root as the relayer sees it (count 0: never posted).
    struct RootStatus {
        uint256 batchId;
        uint256 count;
        uint256 epoch;
        uint256 postedAt;
        uint256 claimableAt;
        bool revoked;
    }

    /// @notice A token's books: locked for the sidechain, owed to recipients whose payout failed,
    ///         outflow counted now against the limit, and what still fits under it now.
    struct TokenFlow {
        uint256 locked;
        uint256 owed;
        uint256 spentInWindow;
        uint256 available;
    }

    enum OperationKind {
        None,
        TokenConfig,
        PauserUpdate,
        Unpause,
        EpochChange
    }

    enum OperationState {
        None,
        Queued,
        Executed,
        Cancelled
    }

    /// @notice A queued governance operation; `subject` is the pauser a removal removes.
    struct Operation {
        OperationState state;
        OperationKind kind;
        uint256 epoch;
        uint256 readyAt;
        address subject;
    }
}
