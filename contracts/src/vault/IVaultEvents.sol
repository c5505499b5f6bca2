// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IVaultTypes} from "./IVaultTypes.sol";

/// @title The vault's events
/// @notice What validators, the relayer and the admin console's watchtower follow on L1.
interface IVaultEvents is IVaultTypes {
    /// @notice A deposit for the sidechain; leaf = depositLeaf(nonce, token, sender, recipient, amount).
    event Deposit(
        uint256 indexed nonce, address indexed token, address indexed sender, address recipient, uint256 amount
    );
    event WithdrawalRootPosted(
        bytes32 indexed root, uint256 indexed batchId, uint256 count, uint256 epoch, uint256 claimableAt
    );
    event WithdrawalPaid(uint256 indexed nonce, address indexed token, address indexed recipient, uint256 amount);
    /// @notice The payout failed; the recipient can pull it with {withdrawOwed}.
    event PayoutDeferred(uint256 indexed nonce, address indexed token, address indexed recipient, uint256 amount);
    event OwedWithdrawn(address indexed recipient, address indexed token, address to, uint256 amount);
    event RootRevokedByPauser(bytes32 indexed root, uint256 indexed batchId, address indexed pauser);
    event RootRevokedByCertificate(bytes32 indexed root, uint256 indexed batchId, uint256 epoch);
    /// @notice `payload` is abi.encode of the execute call's arguments.
    event OperationQueued(bytes32 indexed id, OperationKind indexed kind, uint256 readyAt, bytes payload);
    event OperationExecuted(bytes32 indexed id, OperationKind indexed kind);
    event OperationCancelled(bytes32 indexed id, address indexed pauser);
    event EpochRotated(uint256 indexed epoch, bytes32 groupKeyHash, uint256 threshold, uint256 memberCount);
    event TokenConfigured(
        address indexed token,
        bool registered,
        uint256 periodLimit,
        uint256 periodSeconds,
        uint256 delayThreshold,
        uint256 delaySeconds
    );
    event PauserChanged(address indexed pauser, bool enabled, uint256 vetoActiveFrom);
    event PausedBy(address indexed pauser, uint256 indexed pauseCount);
    event Unpaused(uint256 indexed pauseCount);
}
