// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {BridgeEncoding} from "../BridgeEncoding.sol";
import {Pausers} from "./Pausers.sol";
import {TokenRegistry} from "./TokenRegistry.sol";

/// @title Governance: federation certificates, the timelock queue and the pausers' cancel
/// @notice Every `submit*` verifies a certificate of the current epoch; its digest is the
///         operation id. What only tightens applies at once; what loosens a control (higher
///         limits, shorter periods or delays, (de)registering, removing a pauser with a veto,
///         unpausing, rotating) waits `governanceDelay` in a public queue, where any pauser with
///         an active veto can cancel it, and then anyone executes it with the same arguments.
/// @dev    Ids are digests under the current epoch, so a rotation drops everything queued before
///         it. A pause freezes queued TokenConfigs, not the way out (pauser removal, rotation,
///         the Unpause of the current pause).
abstract contract GovernanceQueue is Pausers, TokenRegistry {
    struct OperationRecord {
        OperationState state;
        OperationKind kind;
        uint40 epoch;
        uint40 readyAt;
        address subject;
    }

    mapping(bytes32 id => OperationRecord) private _operations;

    /// @notice The only governance nonce accepted next (TokenConfig, PauserUpdate, Unpause).
    uint256 public governanceNonce;

    // ------------------------------------------------------------------ submit

    /// @notice Registers, deregisters or re-limits a token. Applied at once if it only tightens,
    ///         queued for `governanceDelay` otherwise.
    /// @param nonce Must equal {governanceNonce}.
    /// @param settings New settings (limits fit 96 bits, durations 24 bits, periodSeconds ≥ 1).
    /// @param signature Current epoch's group signature over the TokenConfig digest.
    /// @return id The digest, which is also the operation id when queued.
    function submitTokenConfig(uint256 nonce, TokenSettings calldata settings, bytes calldata signature)
        external
        returns (bytes32 id)
    {
        _validateSettings(settings);
        id = tokenConfigDigest(nonce, settings);
        _useGovernance(nonce, id, signature);
        if (tokenConfigIsTightening(settings)) {
            _configureToken(settings);
        } else {
            _queue(id, OperationKind.TokenConfig, address(0), abi.encode(nonce, settings));
        }
    }

    /// @notice Adds a pauser (at once; its veto is active after `governanceDelay`) or removes one
    ///         (at once while its veto is not active yet, queued otherwise).
    /// @param update Nonce (must equal {governanceNonce}), pauser, enabled.
    /// @param signature Current epoch's group signature over the PauserUpdate digest.
    function submitPauserUpdate(PauserUpdate calldata update, bytes calldata signature) external returns (bytes32 id) {
        if (update.pauser == address(0)) revert ZeroAddress();
        id = pauserUpdateDigest(update);
        _useGovernance(update.governanceNonce, id, signature);
        PauserInfo memory p = _pausers[update.pauser];
        if (update.enabled) {
            _addPauser(update.pauser);
        } else if (!p.active || block.timestamp < p.vetoActiveFrom) {
            // a pauser without veto yet only undoes a recent addition (e.g. one a thief made)
            _removePauser(update.pauser);
        } else {
            _queue(id, OperationKind.PauserUpdate, update.pauser, abi.encode(update));
        }
    }

    /// @notice Queues the lifting of the current pause.
    /// @param unpause Nonce (must equal {governanceNonce}) and the current {pauseCount}.
    /// @param signature Current epoch's group signature over the Unpause digest.
    function submitUnpause(Unpause calldata unpause, bytes calldata signature) external returns (bytes32 id) {
        _requireCurrentPause(unpause.pauseCount);
        id = unpauseDigest(unpause);
        _useGovernance(unpause.governanceNonce, id, signature);
        _queue(id, OperationKind.Unpause, address(0), abi.encode(unpause));
    }

    /// @notice Queues a rotation to epoch + 1; the current key keeps working until it executes.
    /// @param change The new epoch, group key (256-byte EIP-2537 G2), threshold, size, members hash.
    /// @param signature Current epoch's group signature over the EpochChange digest.
    function submitEpochChange(EpochChange calldata change, bytes calldata signature) external returns (bytes32 id) {
        uint256 next = uint256(_federation.epoch) + 1;
        if (change.newEpoch != next) revert WrongEpoch(next, change.newEpoch);
        // refuse a bad key or threshold now rather than after the delay
        _validateEpoch(change.groupKey, change.threshold, change.memberCount);
        id = epochChangeDigest(change);
        _requireCertificate(_federation.keyPointer, id, signature);
        _queue(id, OperationKind.EpochChange, address(0), abi.encode(change));
    }

    function _useGovernance(uint256 nonce, bytes32 digest, bytes calldata signature) private {
        // SECURITY: one-shot governance nonce: an old certificate can never be replayed.
        if (nonce != governanceNonce) revert WrongGovernanceNonce(governanceNonce, nonce);
        _requireCertificate(_federation.keyPointer, digest, signature);
        governanceNonce = nonce + 1;
    }

    function _queue(bytes32 id, OperationKind kind, address subject, bytes memory payload) private {
        if (_operations[id].state != OperationState.None) revert OperationExists(id);
        uint256 readyAt = block.timestamp + governanceDelay;
        _operations[id] = OperationRecord({
            state: OperationState.Queued,
            kind: kind,
            epoch: uint40(_federation.epoch),
            readyAt: uint40(readyAt),
            subject: subject
        });
        emit OperationQueued(id, kind, readyAt, payload);
    }

    // ------------------------------------------------------------------ execute

    /// @notice Applies a queued TokenConfig after its delay. Anyone may call; not while paused.
    function executeTokenConfig(uint256 nonce, TokenSettings calldata settings) external {
        // SECURITY: a pause freezes every queued change of limits and registry.
        _requireNotPaused();
        _execute(tokenConfigDigest(nonce, settings));
        _configureToken(settings);
    }

    /// @notice Applies a queued pauser removal after its delay (also while paused: it is how a
    ///         hostile pauser that keeps the vault paused is removed).
    function executePauserUpdate(PauserUpdate calldata update) external {
        _execute(pauserUpdateDigest(update));
        _removePauser(update.pauser);
    }

    /// @notice Lifts the pause named by a queued Unpause after its delay.
    function executeUnpause(Unpause calldata unpause) external {
        _requireCurrentPause(unpause.pauseCount);
        _execute(unpauseDigest(unpause));
        _unpause(unpause.pauseCount);
    }

    /// @notice Rotates to the queued epoch after its delay (also while paused: recovery from a
    ///         stolen key happens under the pause). Posted roots stay claimable unless revoked;
    ///         operations queued under the old epoch can no longer execute.
    function executeEpochChange(EpochChange calldata change) external {
        _execute(epochChangeDigest(change));
        _setEpoch(change.newEpoch, change.groupKey, change.threshold, change.memberCount, change.membersHash);
    }

    function _execute(bytes32 id) private {
        // SECURITY: ids are digests under the current epoch, so nothing queued by an older epoch
        // matches after a rotation.
        OperationRecord memory op = _operations[id];
        if (op.state != OperationState.Queued) revert UnknownOperation(id);
        if (block.timestamp < op.readyAt) revert OperationNotReady(id, op.readyAt);
        _operations[id].state = OperationState.Executed;
        emit OperationExecuted(id, op.kind);
    }

    // ------------------------------------------------------------------ cancel

    /// @notice Cancels a queued operation (any kind, also while paused), except the caller's own
    ///         removal.
    function cancelOperation(bytes32 id) external {
        _requireVeto(msg.sender);
        OperationRecord memory op = _operations[id];
        if (op.state != OperationState.Queued) revert UnknownOperation(id);
        // SECURITY: a hostile pauser cannot keep itself in office.
        if (op.kind == OperationKind.PauserUpdate && op.subject == msg.sender) {
            revert CannotCancelOwnRemoval(msg.sender);
        }
        _operations[id].state = OperationState.Cancelled;
        emit OperationCancelled(id, msg.sender);
    }

    // ------------------------------------------------------------------ views

    /// @notice A governance operation by id.
    function operation(bytes32 id) external view returns (Operation memory) {
        OperationRecord memory r = _operations[id];
        return Operation(r.state, r.kind, r.epoch, r.readyAt, r.subject);
    }

    /// @notice EpochChange digest the current epoch must sign for `change` (its operation id).
    function epochChangeDigest(EpochChange calldata change) public view returns (bytes32) {
        return BridgeEncoding.epochChangeDigest(
            _domain(_federation.epoch),
            change.newEpoch,
            change.groupKey,
            change.threshold,
            change.memberCount,
            change.membersHash
        );
    }

    /// @notice TokenConfig digest the current epoch must sign (its operation id).
    function tokenConfigDigest(uint256 nonce, TokenSettings calldata s) public view returns (bytes32) {
        return BridgeEncoding.tokenConfigDigest(
            _domain(_federation.epoch),
            nonce,
            s.token,
            s.registered,
            s.periodLimit,
            s.periodSeconds,
            s.delayThreshold,
            s.delaySeconds
        );
    }

    /// @notice PauserUpdate digest the current epoch must sign (its operation id).
    function pauserUpdateDigest(PauserUpdate calldata u) public view returns (bytes32) {
        return BridgeEncoding.pauserUpdateDigest(_domain(_federation.epoch), u.governanceNonce, u.pauser, u.enabled);
    }

    /// @notice Unpause digest the current epoch must sign (its operation id).
    function unpauseDigest(Unpause calldata u) public view returns (bytes32) {
        return BridgeEncoding.unpauseDigest(_domain(_federation.epoch), u.governanceNonce, u.pauseCount);
    }
}
