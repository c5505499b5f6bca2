// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title The vault's custom errors
/// @notice Everything that fails reverts with one of these (or one of the libraries' errors:
///         `BLS`, `Merkle`, OpenZeppelin's `SafeERC20` and `ReentrancyGuardTransient`). Tests and
///         tools name them `IVaultErrors.X`.
interface IVaultErrors {
    error ZeroAmount();
    error ZeroAddress();
    error ZeroSidechainId();
    error InvalidRecipient(address recipient);
    error TokenNotRegistered(address token);
    error EthNotAccepted();
    error AmountTooLarge(uint256 amount);
    error Paused();
    error NotPaused();
    error AlreadyPaused();
    error NotPauser(address caller);
    error VetoNotActive(address pauser, uint256 activeFrom);
    error InvalidSignature();
    error ZeroRoot();
    error InvalidCount(uint256 count);
    error InvalidBatchId(uint256 batchId);
    error RootAlreadyPosted(bytes32 root);
    error BatchAlreadyPosted(uint256 batchId);
    error UnknownRoot(bytes32 root);
    error RootIsRevoked(bytes32 root);
    error ChallengeWindowClosed(bytes32 root, uint256 closedAt);
    error RevocationNeedsLaterEpoch(bytes32 root, uint256 rootEpoch);
    error InvalidProof();
    error AlreadyClaimed(uint256 nonce);
    error WithdrawalDelayed(uint256 nonce, uint256 readyAt);
    error PeriodLimitExceeded(address token, uint256 amount, uint256 available);
    error InsufficientLocked(address token, uint256 amount, uint256 locked);
    error InsufficientGasForPayout(uint256 gasLeft, uint256 needed);
    error EthTransferFailed(address recipient);
    error NothingOwed(address recipient, address token);
    error LengthMismatch();
    error EmptyClaim();
    error WrongEpoch(uint256 expected, uint256 got);
    error InvalidThreshold(uint256 threshold, uint256 memberCount);
    error WrongGovernanceNonce(uint256 expected, uint256 got);
    error WrongPauseCount(uint256 expected, uint256 got);
    error LimitOutOfRange();
    error InvalidDelay(uint256 delay);
    error KeyStorageFailed();
    error OperationExists(bytes32 id);
    error UnknownOperation(bytes32 id);
    error OperationNotReady(bytes32 id, uint256 readyAt);
    error CannotCancelOwnRemoval(address pauser);
}
