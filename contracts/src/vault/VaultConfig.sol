// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IVaultErrors} from "./IVaultErrors.sol";
import {IVaultEvents} from "./IVaultEvents.sol";

/// @title What is fixed at deployment: the sidechain id and the vault's two clocks
/// @notice The root of the vault's parts: each one derives from here, so each speaks the vault's
///         types, errors and events. There is no owner and no setter: these never change.
abstract contract VaultConfig is IVaultErrors, IVaultEvents {
    /// @notice Sidechain id in every signed digest.
    uint256 public immutable sidechainId;
    /// @notice How long a loosening change waits in the queue (seconds).
    uint256 public immutable governanceDelay;
    /// @notice How long a posted root waits before it pays (seconds): the window to revoke it.
    uint256 public immutable challengePeriod;

    /// @param sidechainId_ Sidechain id (non-zero) bound into every digest.
    /// @param governanceDelay_ Queue delay of loosening changes, 1 … 2^24-1 seconds.
    /// @param challengePeriod_ Wait of every posted root before it pays, 1 … 2^24-1 seconds.
    constructor(uint256 sidechainId_, uint256 governanceDelay_, uint256 challengePeriod_) {
        // SECURITY: no zero domain (threats row 3).
        if (sidechainId_ == 0) revert ZeroSidechainId();
        // SECURITY: a zero delay would switch the timelock or the challenge period off.
        if (governanceDelay_ == 0 || governanceDelay_ > type(uint24).max) revert InvalidDelay(governanceDelay_);
        if (challengePeriod_ == 0 || challengePeriod_ > type(uint24).max) revert InvalidDelay(challengePeriod_);
        sidechainId = sidechainId_;
        governanceDelay = governanceDelay_;
        challengePeriod = challengePeriod_;
    }
}
