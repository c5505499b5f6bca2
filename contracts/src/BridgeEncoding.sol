// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Canonical digests and leaves shared with bridge-core (docs/encoding.md)
/// @notice Every digest starts with the domain (TYPE, l1ChainId, vault, sidechainId, epoch).
library BridgeEncoding {
    bytes internal constant DST = "FEDBRIDGE-V1-BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

    bytes32 internal constant DEPOSIT_BATCH_TYPE = keccak256("fedbridge.DepositBatch.v1");
    bytes32 internal constant WITHDRAWAL_BATCH_TYPE = keccak256("fedbridge.WithdrawalBatch.v1");
    bytes32 internal constant EPOCH_CHANGE_TYPE = keccak256("fedbridge.EpochChange.v1");
    bytes32 internal constant TOKEN_CONFIG_TYPE = keccak256("fedbridge.TokenConfig.v1");
    bytes32 internal constant PAUSER_UPDATE_TYPE = keccak256("fedbridge.PauserUpdate.v1");
    bytes32 internal constant UNPAUSE_TYPE = keccak256("fedbridge.Unpause.v2");
    bytes32 internal constant ROOT_REVOCATION_TYPE = keccak256("fedbridge.RootRevocation.v1");

    /// @notice One-byte prefixes of the Merkle tree: deposit leaves, inner nodes, withdrawal leaves.
    uint8 internal constant DEPOSIT_LEAF_PREFIX = 0x00;
    uint8 internal constant INNER_NODE_PREFIX = 0x01;
    uint8 internal constant WITHDRAWAL_LEAF_PREFIX = 0x02;

    /// @notice The signing domain of one federation epoch on one deployment.
    struct Domain {
        uint256 l1ChainId;
        address vault;
        uint256 sidechainId;
        uint256 epoch;
    }

    function depositBatchDigest(Domain memory d, uint256 batchId, bytes32 depositRoot, uint256 depositCount)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(
            abi.encode(
                DEPOSIT_BATCH_TYPE, d.l1ChainId, d.vault, d.sidechainId, d.epoch, batchId, depositRoot, depositCount
            )
        );
    }

    function withdrawalBatchDigest(Domain memory d, uint256 batchId, bytes32 withdrawalRoot, uint256 withdrawalCount)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(
            abi.encode(
                WITHDRAWAL_BATCH_TYPE,
                d.l1ChainId,
                d.vault,
                d.sidechainId,
                d.epoch,
                batchId,
                withdrawalRoot,
                withdrawalCount
            )
        );
    }

    function epochChangeDigest(
        Domain memory d,
        uint256 newEpoch,
        bytes memory newGroupKey,
        uint256 threshold,
        uint256 memberCount,
        bytes32 membersHash
    ) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                EPOCH_CHANGE_TYPE,
                d.l1ChainId,
                d.vault,
                d.sidechainId,
                d.epoch,
                newEpoch,
                keccak256(newGroupKey),
                threshold,
                memberCount,
                membersHash
            )
        );
    }

    function tokenConfigDigest(
        Domain memory d,
        uint256 governanceNonce,
        address token,
        bool registered,
        uint256 periodLimit,
        uint256 periodSeconds,
        uint256 delayThreshold,
        uint256 delaySeconds
    ) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                TOKEN_CONFIG_TYPE,
                d.l1ChainId,
                d.vault,
                d.sidechainId,
                d.epoch,
                governanceNonce,
                token,
                registered,
                periodLimit,
                periodSeconds,
                delayThreshold,
                delaySeconds
            )
        );
    }

    function pauserUpdateDigest(Domain memory d, uint256 governanceNonce, address pauser, bool enabled)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(
            abi.encode(
                PAUSER_UPDATE_TYPE, d.l1ChainId, d.vault, d.sidechainId, d.epoch, governanceNonce, pauser, enabled
            )
        );
    }

    /// @notice Binds the vault's pause count: the certificate lifts that pause and no later one.
    function unpauseDigest(Domain memory d, uint256 governanceNonce, uint256 pauseCount)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(
            abi.encode(UNPAUSE_TYPE, d.l1ChainId, d.vault, d.sidechainId, d.epoch, governanceNonce, pauseCount)
        );
    }

    function rootRevocationDigest(Domain memory d, bytes32 root) internal pure returns (bytes32) {
        return keccak256(abi.encode(ROOT_REVOCATION_TYPE, d.l1ChainId, d.vault, d.sidechainId, d.epoch, root));
    }

    /// @notice keccak256(0x00 ‖ abi.encode(nonce, token, sender, recipient, amount)).
    function depositLeaf(uint256 nonce, address token, address sender, address recipient, uint256 amount)
        internal
        pure
        returns (bytes32)
    {
        return _leaf(DEPOSIT_LEAF_PREFIX, nonce, token, sender, recipient, amount);
    }

    /// @notice keccak256(0x02 ‖ abi.encode(nonce, l1Token, sender, l1Recipient, amount)).
    /// @dev    SECURITY: its own prefix, so a deposit leaf can never pass as a withdrawal leaf.
    function withdrawalLeaf(uint256 nonce, address l1Token, address sender, address l1Recipient, uint256 amount)
        internal
        pure
        returns (bytes32)
    {
        return _leaf(WITHDRAWAL_LEAF_PREFIX, nonce, l1Token, sender, l1Recipient, amount);
    }

    function _leaf(uint8 prefix, uint256 nonce, address token, address sender, address recipient, uint256 amount)
        private
        pure
        returns (bytes32 h)
    {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore8(m, prefix)
            mstore(add(m, 1), nonce)
            mstore(add(m, 33), and(token, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(m, 65), and(sender, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(m, 97), and(recipient, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(m, 129), amount)
            h := keccak256(m, 161)
        }
    }
}
