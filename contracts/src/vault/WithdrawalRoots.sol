// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {BridgeEncoding} from "../BridgeEncoding.sol";
import {Pausers} from "./Pausers.sol";

/// @title Withdrawal roots: posted by certificate, claimable after a challenge period, revocable
/// @notice A root is the Merkle root of one sidechain block's withdrawals, certified by the current
///         epoch. It pays nothing before `postedAt + challengePeriod`; inside that window a pauser
///         with an active veto can revoke it, and a later epoch can revoke it at any time. A
///         revoked root pays nothing, ever, and can never be posted again.
abstract contract WithdrawalRoots is Pausers {
    using BitMaps for BitMaps.BitMap;

    struct RootInfo {
        uint64 batchId;
        uint64 count;
        uint40 postedAt;
        uint64 epoch;
        bool revoked;
    }

    mapping(bytes32 root => RootInfo) internal _roots;
    /// @dev One bit per batch id: set while the batch has a live (posted, unrevoked) root.
    BitMaps.BitMap private _liveBatches;

    /// @notice Stores a withdrawal root certified by the current federation epoch. It pays after
    ///         `challengePeriod`; one live root per batchId (sidechain block).
    /// @param batch The batch (sidechain block number < 2^64, root, number of leaves).
    /// @param signature 128-byte EIP-2537 G1 group signature over the WithdrawalBatch digest.
    function postWithdrawalRoot(WithdrawalBatch calldata batch, bytes calldata signature) external {
        Federation memory fed = _federation;
        if (fed.paused) revert Paused();
        // SECURITY: the zero root is never valid (Nomad, threats row 3).
        if (batch.root == bytes32(0)) revert ZeroRoot();
        if (batch.count == 0 || batch.count > type(uint64).max) revert InvalidCount(batch.count);
        if (batch.batchId > type(uint64).max) revert InvalidBatchId(batch.batchId);
        // SECURITY: a root is posted once, revoked or not: the same certificate twice is refused
        // (replay) and a revoked root can never come back.
        if (_roots[batch.root].count != 0) revert RootAlreadyPosted(batch.root);
        // SECURITY: one live root per sidechain block (issue 9 item 7); a revoked root frees it,
        // so a forged root cannot block the honest one for good.
        if (_liveBatches.get(batch.batchId)) revert BatchAlreadyPosted(batch.batchId);
        bytes32 digest =
            BridgeEncoding.withdrawalBatchDigest(_domain(fed.epoch), batch.batchId, batch.root, batch.count);
        _requireCertificate(fed.keyPointer, digest, signature);
        _liveBatches.set(batch.batchId);
        _roots[batch.root] = RootInfo({
            batchId: uint64(batch.batchId),
            count: uint64(batch.count),
            postedAt: uint40(block.timestamp),
            epoch: fed.epoch,
            revoked: false
        });
        emit WithdrawalRootPosted(batch.root, batch.batchId, batch.count, fed.epoch, block.timestamp + challengePeriod);
    }

    /// @notice A pauser revokes a root inside its challenge period (a watcher found it does not
    ///         match the sidechain). A revoked root pays nothing, ever.
    function revokeRoot(bytes32 root) external {
        _requireVeto(msg.sender);
        RootInfo memory info = _liveRoot(root);
        uint256 closedAt = uint256(info.postedAt) + challengePeriod;
        // SECURITY: after the challenge period only a later epoch can revoke: a pauser alone
        // cannot stop roots that everyone had the time to check.
        if (block.timestamp >= closedAt) revert ChallengeWindowClosed(root, closedAt);
        _revoke(root, info);
        emit RootRevokedByPauser(root, info.batchId, msg.sender);
    }

    /// @notice Revokes a root of an earlier epoch with a certificate of the current one, at any
    ///         time (also while paused). A revoked root pays nothing, ever.
    /// @param signature Current epoch's group signature over the RootRevocation digest.
    function submitRootRevocation(bytes32 root, bytes calldata signature) external {
        RootInfo memory info = _liveRoot(root);
        uint64 epoch = _federation.epoch;
        // SECURITY: only a later federation revokes: a stolen key cannot revoke the honest roots
        // of its own epoch, and the next epoch can revoke whatever the stolen key posted.
        if (info.epoch >= epoch) revert RevocationNeedsLaterEpoch(root, info.epoch);
        _requireCertificate(_federation.keyPointer, rootRevocationDigest(root), signature);
        _revoke(root, info);
        emit RootRevokedByCertificate(root, info.batchId, epoch);
    }

    /// @notice A posted root; count 0 means "never posted".
    function rootStatus(bytes32 root) external view returns (RootStatus memory) {
        RootInfo memory r = _roots[root];
        uint256 claimableAt = r.count == 0 ? 0 : uint256(r.postedAt) + challengePeriod;
        return RootStatus(r.batchId, r.count, r.epoch, r.postedAt, claimableAt, r.revoked);
    }

    /// @notice Whether `batchId` has a live (posted, unrevoked) root.
    function isBatchPosted(uint256 batchId) external view returns (bool) {
        return _liveBatches.get(batchId);
    }

    /// @notice WithdrawalBatch digest the current epoch must sign for `batch`.
    function withdrawalBatchDigest(WithdrawalBatch calldata batch) external view returns (bytes32) {
        return BridgeEncoding.withdrawalBatchDigest(_domain(_federation.epoch), batch.batchId, batch.root, batch.count);
    }

    /// @notice RootRevocation digest the current epoch must sign.
    function rootRevocationDigest(bytes32 root) public view returns (bytes32) {
        return BridgeEncoding.rootRevocationDigest(_domain(_federation.epoch), root);
    }

    function _liveRoot(bytes32 root) private view returns (RootInfo memory info) {
        info = _roots[root];
        if (info.count == 0) revert UnknownRoot(root);
        if (info.revoked) revert RootIsRevoked(root);
    }

    function _revoke(bytes32 root, RootInfo memory info) private {
        _roots[root].revoked = true;
        _liveBatches.unset(info.batchId);
    }
}
