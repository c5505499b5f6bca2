// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Test-only reference: pay one withdrawal after a Wormhole-style guardian check
/// @notice For the gas comparison only (GAS.md): every message carries 13-of-19 ECDSA signatures
///         (66 bytes each: guardian index, r, s, v, indexes strictly increasing), the guardian set
///         lives in storage, the message hash is consumed once, then ETH is paid. Never deploy.
contract EcdsaReferenceVault {
    error NoQuorum();
    error BadSignature(uint256 position);
    error Consumed();
    error PayFailed();

    struct Withdrawal {
        uint256 nonce;
        address token;
        address sender;
        address recipient;
        uint256 amount;
    }

    address[] public guardians;
    uint256 public immutable quorum;
    mapping(bytes32 => bool) public consumed;

    constructor(address[] memory guardians_) payable {
        guardians = guardians_;
        quorum = (guardians_.length * 2) / 3 + 1;
    }

    receive() external payable {}

    /// @notice The digest the guardians sign for `w` (double keccak, as Wormhole's VAA hash).
    function digest(Withdrawal calldata w) public view returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256(abi.encode(block.chainid, address(this), w.nonce, w.token, w.sender, w.recipient, w.amount))
            )
        );
    }

    /// @notice Verifies the guardian signatures over `w` and pays it.
    function claim(Withdrawal calldata w, bytes calldata signatures) external {
        bytes32 h = digest(w);
        uint256 n = signatures.length / 66;
        if (n < quorum || signatures.length != n * 66) revert NoQuorum();
        uint256 next = 0;
        for (uint256 i = 0; i < n; ++i) {
            uint256 off;
            bytes32 r;
            bytes32 s;
            uint8 v;
            uint256 index;
            assembly {
                off := add(signatures.offset, mul(i, 66))
                index := byte(0, calldataload(off))
                r := calldataload(add(off, 1))
                s := calldataload(add(off, 33))
                v := byte(0, calldataload(add(off, 65)))
            }
            if (index < next || index >= guardians.length) revert BadSignature(i);
            next = index + 1;
            address signer = ecrecover(h, v, r, s);
            if (signer == address(0) || signer != guardians[index]) revert BadSignature(i);
        }
        if (consumed[h]) revert Consumed();
        consumed[h] = true;
        (bool ok,) = w.recipient.call{value: w.amount}("");
        if (!ok) revert PayFailed();
    }
}
