// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {FederationEpochs} from "./FederationEpochs.sol";

/// @title Pausers: who may stop the vault at once, and when their veto starts
/// @notice A pauser pauses with no certificate. Once its veto is active it may also cancel queued
///         operations ({GovernanceQueue-cancelOperation}) and revoke roots inside their challenge
///         period ({WithdrawalRoots-revokeRoot}). Only a queued Unpause certificate lifts a pause.
abstract contract Pausers is FederationEpochs {
    struct PauserInfo {
        bool active;
        uint64 vetoActiveFrom;
    }

    mapping(address pauser => PauserInfo) internal _pausers;

    /// @notice Number of pauses so far; an Unpause certificate names the one it lifts.
    uint256 public pauseCount;

    /// @notice Pauses deposits, root posting, claims, owed payouts and queued limit changes.
    function pause() external {
        // SECURITY: pausing needs no certificate, only the role (row 13).
        if (!_pausers[msg.sender].active) revert NotPauser(msg.sender);
        if (_federation.paused) revert AlreadyPaused();
        _federation.paused = true;
        uint256 count = ++pauseCount;
        emit PausedBy(msg.sender, count);
    }

    /// @notice Whether deposits, posting, claims and owed payouts are paused.
    function paused() external view returns (bool) {
        return _federation.paused;
    }

    /// @notice Whether `pauser` may pause.
    function isPauser(address pauser) external view returns (bool) {
        return _pausers[pauser].active;
    }

    /// @notice When `pauser` may cancel and revoke (`type(uint256).max` if not a pauser).
    function vetoActiveFrom(address pauser) external view returns (uint256) {
        PauserInfo memory p = _pausers[pauser];
        return p.active ? p.vetoActiveFrom : type(uint256).max;
    }

    function _requireVeto(address caller) internal view {
        PauserInfo memory p = _pausers[caller];
        if (!p.active) revert NotPauser(caller);
        // SECURITY: a pauser added by a (possibly stolen) certificate can pause at once but can
        // cancel or revoke only after the governance delay, by when the honest federation can
        // have removed it at once: a thief cannot buy a veto over the honest side's recovery.
        if (block.timestamp < p.vetoActiveFrom) revert VetoNotActive(caller, p.vetoActiveFrom);
    }

    /// @dev A pauser of the constructor: its veto is active at once.
    function _addInitialPauser(address pauser) internal {
        if (pauser == address(0)) revert ZeroAddress();
        _enablePauser(pauser, block.timestamp);
    }

    function _addPauser(address pauser) internal {
        // re-adding an existing pauser changes nothing (its veto is not reset)
        if (_pausers[pauser].active) return;
        _enablePauser(pauser, block.timestamp + governanceDelay);
    }

    function _enablePauser(address pauser, uint256 vetoFrom) private {
        _pausers[pauser] = PauserInfo(true, uint64(vetoFrom));
        emit PauserChanged(pauser, true, vetoFrom);
    }

    function _removePauser(address pauser) internal {
        if (!_pausers[pauser].active) return;
        delete _pausers[pauser];
        emit PauserChanged(pauser, false, 0);
    }

    function _requireCurrentPause(uint256 count) internal view {
        if (!_federation.paused) revert NotPaused();
        // SECURITY: an unpause lifts only the pause it was made for (issue 9 item 6).
        if (count != pauseCount) revert WrongPauseCount(pauseCount, count);
    }

    /// @dev Lifts the pause; the caller has checked {_requireCurrentPause} and the certificate.
    function _unpause(uint256 count) internal {
        _federation.paused = false;
        emit Unpaused(count);
    }

    function _requireNotPaused() internal view {
        // SECURITY: while paused no value moves in or out.
        if (_federation.paused) revert Paused();
    }
}
