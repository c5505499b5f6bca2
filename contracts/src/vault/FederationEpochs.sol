// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {BLS} from "../BLS.sol";
import {BridgeEncoding} from "../BridgeEncoding.sol";
import {VaultConfig} from "./VaultConfig.sol";

/// @title Federation epochs: group keys, thresholds and the certificate check
/// @notice Each epoch's federation is one threshold-BLS group key. A certificate is that key's
///         signature over a digest of docs/encoding.md under the current epoch's domain.
/// @dev    Min-sig BLS12-381 (signature in G1, group key in G2), verified with the EIP-2537
///         precompiles. A "t of n" certificate is one aggregate signature under the group key
///         produced by the DKG: fewer than t shares cannot produce it (Shamir), so the contract
///         does not count signers — a partial signature fails like any wrong signature.
abstract contract FederationEpochs is VaultConfig {
    /// @dev Hot state read by every post, claim and deposit: one slot. The pause flag lives here
    ///      too (set by {Pausers}), so a post reads key, epoch and pause with one SLOAD.
    struct Federation {
        address keyPointer;
        uint64 epoch;
        bool paused;
    }

    struct EpochInfo {
        address keyPointer;
        uint32 threshold;
        uint32 memberCount;
        bytes32 membersHash;
    }

    Federation internal _federation;
    mapping(uint256 epoch => EpochInfo) private _epochs;

    /// @notice Current epoch number.
    function currentEpoch() external view returns (uint256) {
        return _federation.epoch;
    }

    /// @notice Group key, threshold, member count and members hash of an epoch.
    function epochInfo(uint256 epoch)
        external
        view
        returns (bytes memory groupKey, uint256 threshold, uint256 memberCount, bytes32 membersHash)
    {
        EpochInfo memory e = _epochs[epoch];
        if (e.keyPointer == address(0)) revert WrongEpoch(_federation.epoch, epoch);
        return (_loadKey(e.keyPointer), e.threshold, e.memberCount, e.membersHash);
    }

    function _validateEpoch(bytes memory groupKey, uint256 threshold, uint256 memberCount) internal view {
        // SECURITY: t = 0, t > n and t < ⌊2n/3⌋+1 are refused (threats rows 3 and 4).
        if (
            memberCount == 0 || memberCount > type(uint32).max || threshold > memberCount
                || threshold < (2 * memberCount) / 3 + 1
        ) revert InvalidThreshold(threshold, memberCount);
        // SECURITY: canonical, non-identity, on-curve, in-subgroup key only (threats rows 2, 3).
        BLS.validatePublicKey(groupKey);
    }

    /// @dev Validates and stores an epoch and makes it the current one (epoch 0 at deployment,
    ///      later ones when a queued EpochChange executes).
    function _setEpoch(
        uint256 epoch,
        bytes memory groupKey,
        uint256 threshold,
        uint256 memberCount,
        bytes32 membersHash
    ) internal {
        _validateEpoch(groupKey, threshold, memberCount);
        address pointer = _storeKey(groupKey);
        _epochs[epoch] = EpochInfo({
            keyPointer: pointer,
            threshold: uint32(threshold),
            memberCount: uint32(memberCount),
            membersHash: membersHash
        });
        _federation.keyPointer = pointer;
        _federation.epoch = uint64(epoch);
        emit EpochRotated(epoch, keccak256(groupKey), threshold, memberCount);
    }

    /// @dev Stores the key as the code of a data contract (0x00 ‖ key): reading it back costs one
    ///      EXTCODECOPY instead of eight cold SLOADs.
    function _storeKey(bytes memory key) private returns (address pointer) {
        bytes memory init = abi.encodePacked(hex"61010180600a3d393df3", hex"00", key);
        assembly ("memory-safe") {
            pointer := create(0, add(init, 32), mload(init))
        }
        if (pointer == address(0)) revert KeyStorageFailed();
    }

    function _loadKey(address pointer) private view returns (bytes memory key) {
        key = new bytes(BLS.G2_LENGTH);
        assembly ("memory-safe") {
            extcodecopy(pointer, add(key, 32), 1, 256)
        }
    }

    function _requireCertificate(address keyPointer, bytes32 digest, bytes calldata signature) internal view {
        // SECURITY: BLS.verify reverts on malformed input and precompile failure; only a true
        // pairing result passes (threats row 2).
        if (!BLS.verify(abi.encodePacked(digest), signature, _loadKey(keyPointer), BridgeEncoding.DST)) {
            revert InvalidSignature();
        }
    }

    function _domain(uint64 epoch) internal view returns (BridgeEncoding.Domain memory) {
        // SECURITY: chain id read at call time, vault address and epoch in every digest (replay).
        return
            BridgeEncoding.Domain({
                l1ChainId: block.chainid, vault: address(this), sidechainId: sidechainId, epoch: epoch
            });
    }
}
