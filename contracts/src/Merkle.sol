// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Merkle proofs over the bridge's domain-separated tree (docs/encoding.md)
/// @notice Leaves are hashed as keccak256(prefix ‖ …) (0x00 deposits, 0x02 withdrawals), inner nodes
///         as keccak256(0x01 ‖ left ‖ right); the leaf level is padded with bytes32(0) to 2^d,
///         d = ceil(log2(n)).
library Merkle {
    /// @notice The leaf index is not below the number of leaves signed in the batch.
    error MerkleIndexOutOfRange(uint256 index, uint256 count);
    /// @notice The proof does not have exactly ceil(log2(count)) siblings.
    error MerkleProofLength(uint256 length, uint256 expected);

    /// @notice Depth of a tree of `count` leaves: ceil(log2(count)), 0 for one leaf.
    function depth(uint256 count) internal pure returns (uint256 d) {
        while (d < 256 && (uint256(1) << d) < count) {
            ++d;
        }
    }

    /// @notice Inner node hash keccak256(0x01 ‖ left ‖ right).
    function hashInner(bytes32 left, bytes32 right) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore8(m, 0x01)
            mstore(add(m, 1), left)
            mstore(add(m, 33), right)
            h := keccak256(m, 65)
        }
    }

    /// @notice Root of `leaves` (already hashed with their prefix). Used by tests and tools.
    function root(bytes32[] memory leaves) internal pure returns (bytes32) {
        uint256 n = leaves.length;
        if (n == 0) revert MerkleIndexOutOfRange(0, 0);
        uint256 width = uint256(1) << depth(n);
        bytes32[] memory level = new bytes32[](width);
        for (uint256 i = 0; i < n; ++i) {
            level[i] = leaves[i];
        }
        while (width > 1) {
            width >>= 1;
            for (uint256 i = 0; i < width; ++i) {
                level[i] = hashInner(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }

    /// @notice Proof (siblings from the leaf level upward) for leaf `index`. Used by tests and tools.
    function proof(bytes32[] memory leaves, uint256 index) internal pure returns (bytes32[] memory siblings) {
        uint256 n = leaves.length;
        uint256 d = depth(n);
        uint256 width = uint256(1) << d;
        bytes32[] memory level = new bytes32[](width);
        for (uint256 i = 0; i < n; ++i) {
            level[i] = leaves[i];
        }
        siblings = new bytes32[](d);
        for (uint256 k = 0; k < d; ++k) {
            siblings[k] = level[index ^ 1];
            width >>= 1;
            for (uint256 i = 0; i < width; ++i) {
                level[i] = hashInner(level[2 * i], level[2 * i + 1]);
            }
            index >>= 1;
        }
    }

    /// @notice Recomputes the root from a leaf and its proof, enforcing `index < count` and
    ///         `siblings.length == depth(count)`.
    function computeRoot(bytes32 leaf, uint256 index, uint256 count, bytes32[] calldata siblings)
        internal
        pure
        returns (bytes32 node)
    {
        // SECURITY: the verifier knows n from the signed batch: an index past it (a padding
        // leaf) or a proof with extra or missing nodes is refused (threats row 5).
        if (index >= count) revert MerkleIndexOutOfRange(index, count);
        uint256 d = depth(count);
        if (siblings.length != d) revert MerkleProofLength(siblings.length, d);
        node = leaf;
        for (uint256 k = 0; k < d; ++k) {
            node = (index >> k) & 1 == 0 ? hashInner(node, siblings[k]) : hashInner(siblings[k], node);
        }
    }
}
