// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title BLS12-381 min-sig verification with the EIP-2537 precompiles
/// @notice Signatures are G1 points, public keys are G2 points, both in the 128/256-byte EIP-2537
///         encodings of docs/encoding.md. Hash-to-curve is RFC 9380 `hash_to_curve` with suite
///         BLS12381G1_XMD:SHA-256_SSWU_RO_ (expand_message_xmd, two field elements, two maps, add;
///         the MAP_FP_TO_G1 precompile clears the cofactor, which commutes with the addition).
/// @dev    Every precompile call forwards a capped amount of gas and reverts when it fails or
///         returns fewer bytes than expected: a failure is never read as "false". The pairing
///         and G2 MSM precompiles check that their inputs are on the curve and in the subgroup;
///         the point at infinity (neutral for the pairing) and non-canonical encodings are
///         refused here before any precompile sees them.
library BLS {
    /// @notice A precompile call failed (invalid point, out of gas, precompile absent).
    error BlsPrecompileFailed(address precompile);
    /// @notice An encoded point has the wrong length.
    error BlsInvalidLength(uint256 length, uint256 expected);
    /// @notice An encoded coordinate has non-zero padding or is not below the field modulus.
    error BlsNonCanonicalPoint();
    /// @notice The point at infinity was given as a signature or public key.
    error BlsPointAtInfinity();
    /// @notice A domain separation tag longer than 255 bytes.
    error BlsInvalidDst();

    address internal constant SHA256 = address(0x02);
    address internal constant MODEXP = address(0x05);
    address internal constant G1ADD = address(0x0b);
    address internal constant G2MSM = address(0x0e);
    address internal constant PAIRING_CHECK = address(0x0f);
    address internal constant MAP_FP_TO_G1 = address(0x10);

    // SECURITY: gas caps forwarded to each precompile. Prices today (EIP-2537, Prague): G1ADD 375,
    // MAP_FP_TO_G1 5,500, G2MSM k=1 22,500, pairing 32,600·k + 37,700 = 102,900 for k = 2;
    // MODEXP at our sizes 200 (EIP-2565) or 500 (EIP-7883, Osaka). Each cap is about ten times
    // that, so a repricing of up to ~10x still verifies (issue 9, item 9; docs/security.md). A
    // precompile that fails burns all gas it was given, so the cap also bounds what a malformed
    // certificate costs its submitter (at most ~1.1M gas for the pairing), and a failure always
    // reverts (never "false"). The caps are only ceilings: a call is charged what it uses.
    uint256 internal constant G1ADD_GAS = 4_000;
    uint256 internal constant MAP_FP_TO_G1_GAS = 60_000;
    uint256 internal constant G2MSM_GAS = 250_000;
    uint256 internal constant PAIRING2_GAS = 1_100_000;
    uint256 internal constant MODEXP_GAS = 5_000;

    uint256 internal constant G1_LENGTH = 128;
    uint256 internal constant G2_LENGTH = 256;

    /// @dev Field modulus p split as the two 32-byte words of a 64-byte EIP-2537 coordinate.
    uint256 internal constant P_HI = 0x1a0111ea397fe69a4b1ba7b6434bacd7;
    uint256 internal constant P_LO = 0x64774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab;

    bytes internal constant P_BYTES =
        hex"1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab";

    /// @dev -G2.generator in EIP-2537 encoding (x.c0, x.c1, y.c0, y.c1).
    bytes internal constant NEG_G2_GENERATOR = hex"00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"
        hex"0000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
        hex"000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa"
        hex"0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed";

    /// @notice Verifies a min-sig signature: e(sig, G2) == e(H(message), publicKey).
    /// @param message The signed bytes (for the bridge, a 32-byte digest).
    /// @param signature 128-byte EIP-2537 G1 point (checked here: length, canonical, not infinity;
    ///        curve and subgroup membership are checked by the pairing precompile).
    /// @param publicKey 256-byte EIP-2537 G2 point, already validated with {validatePublicKey}.
    /// @param dst The RFC 9380 domain separation tag.
    /// @return True when the pairing equation holds. Reverts on malformed input or precompile
    ///         failure.
    function verify(bytes memory message, bytes calldata signature, bytes memory publicKey, bytes memory dst)
        internal
        view
        returns (bool)
    {
        // SECURITY: parse the signature before anything else (row 2: infinity, non-canonical).
        validateSignature(signature);
        // SECURITY: the key must be a full 256-byte G2 point; callers validated it at storage time.
        if (publicKey.length != G2_LENGTH) revert BlsInvalidLength(publicKey.length, G2_LENGTH);
        bytes memory h = hashToG1(message, dst);
        bytes memory input = abi.encodePacked(signature, NEG_G2_GENERATOR, h, publicKey);
        bytes memory out = _call(PAIRING_CHECK, input, PAIRING2_GAS, 32);
        uint256 result = uint256(bytes32(out));
        // SECURITY: the precompile answers exactly 0 or 1; anything else is a failure, not "false".
        if (result > 1) revert BlsPrecompileFailed(PAIRING_CHECK);
        return result == 1;
    }

    /// @notice Checks a 128-byte G1 signature encoding: length, zero padding, coordinates below p,
    ///         not the point at infinity.
    function validateSignature(bytes calldata signature) internal pure {
        if (signature.length != G1_LENGTH) revert BlsInvalidLength(signature.length, G1_LENGTH);
        uint256 x0;
        uint256 x1;
        uint256 y0;
        uint256 y1;
        assembly ("memory-safe") {
            x0 := calldataload(signature.offset)
            x1 := calldataload(add(signature.offset, 32))
            y0 := calldataload(add(signature.offset, 64))
            y1 := calldataload(add(signature.offset, 96))
        }
        // SECURITY: EIP-2537 encodes infinity as all zeros; the pairing would treat it as neutral.
        if (x0 | x1 | y0 | y1 == 0) revert BlsPointAtInfinity();
        if (!_canonical(x0, x1) || !_canonical(y0, y1)) revert BlsNonCanonicalPoint();
    }

    /// @notice Validates a group public key before it is stored: 256 bytes, canonical coordinates,
    ///         not infinity, on the curve and in the G2 subgroup (checked by the G2MSM precompile).
    function validatePublicKey(bytes memory publicKey) internal view {
        if (publicKey.length != G2_LENGTH) revert BlsInvalidLength(publicKey.length, G2_LENGTH);
        uint256 any;
        for (uint256 i = 0; i < 4; ++i) {
            uint256 hi;
            uint256 lo;
            assembly ("memory-safe") {
                hi := mload(add(publicKey, add(32, mul(i, 64))))
                lo := mload(add(publicKey, add(64, mul(i, 64))))
            }
            // SECURITY: non-zero padding or a coordinate ≥ p is a malformed key.
            if (!_canonical(hi, lo)) revert BlsNonCanonicalPoint();
            any |= hi | lo;
        }
        // SECURITY: the identity key would make the pairing check trivially satisfiable.
        if (any == 0) revert BlsPointAtInfinity();
        // SECURITY: G2MSM performs the curve and subgroup checks; multiply by 1 and require the
        // same point back.
        bytes memory out = _call(G2MSM, abi.encodePacked(publicKey, uint256(1)), G2MSM_GAS, G2_LENGTH);
        if (keccak256(out) != keccak256(publicKey)) revert BlsPrecompileFailed(G2MSM);
    }

    /// @notice RFC 9380 hash_to_curve to G1 (suite BLS12381G1_XMD:SHA-256_SSWU_RO_).
    /// @return point 128-byte EIP-2537 G1 point.
    function hashToG1(bytes memory message, bytes memory dst) internal view returns (bytes memory point) {
        (bytes32 b1, bytes32 b2, bytes32 b3, bytes32 b4) = expandMessageXmd(message, dst);
        bytes memory q0 = _call(MAP_FP_TO_G1, _reduce(b1, b2), MAP_FP_TO_G1_GAS, G1_LENGTH);
        bytes memory q1 = _call(MAP_FP_TO_G1, _reduce(b3, b4), MAP_FP_TO_G1_GAS, G1_LENGTH);
        point = _call(G1ADD, abi.encodePacked(q0, q1), G1ADD_GAS, G1_LENGTH);
    }

    /// @notice RFC 9380 section 5.3.1 expand_message_xmd with SHA-256, len_in_bytes = 128
    ///         (two field elements of L = 64 bytes).
    function expandMessageXmd(bytes memory message, bytes memory dst)
        internal
        pure
        returns (bytes32 b1, bytes32 b2, bytes32 b3, bytes32 b4)
    {
        if (dst.length > 255) revert BlsInvalidDst();
        bytes memory dstPrime = abi.encodePacked(dst, uint8(dst.length));
        // msg_prime = Z_pad(64) || msg || I2OSP(128, 2) || I2OSP(0, 1) || DST_prime
        bytes32 b0 = sha256(abi.encodePacked(bytes32(0), bytes32(0), message, uint16(128), uint8(0), dstPrime));
        b1 = sha256(abi.encodePacked(b0, uint8(1), dstPrime));
        b2 = sha256(abi.encodePacked(b0 ^ b1, uint8(2), dstPrime));
        b3 = sha256(abi.encodePacked(b0 ^ b2, uint8(3), dstPrime));
        b4 = sha256(abi.encodePacked(b0 ^ b3, uint8(4), dstPrime));
    }

    /// @dev (hi || lo) mod p as a 64-byte EIP-2537 field element, via the MODEXP precompile
    ///      (base^1 mod p).
    function _reduce(bytes32 hi, bytes32 lo) private view returns (bytes memory fp) {
        bytes memory out = _call(
            MODEXP, abi.encodePacked(uint256(64), uint256(1), uint256(48), hi, lo, uint8(1), P_BYTES), MODEXP_GAS, 48
        );
        fp = abi.encodePacked(bytes16(0), out);
    }

    /// @dev A 64-byte coordinate (hi, lo) is canonical when the 16 pad bytes are zero and the
    ///      value is below p.
    function _canonical(uint256 hi, uint256 lo) private pure returns (bool) {
        return hi < P_HI || (hi == P_HI && lo < P_LO);
    }

    /// @dev Static call with a gas cap; reverts unless it succeeded with exactly `outLen` bytes.
    function _call(address precompile, bytes memory input, uint256 gasCap, uint256 outLen)
        private
        view
        returns (bytes memory out)
    {
        out = new bytes(outLen);
        bool ok;
        uint256 returned;
        assembly ("memory-safe") {
            ok := staticcall(gasCap, precompile, add(input, 32), mload(input), add(out, 32), outLen)
            returned := returndatasize()
        }
        // SECURITY: failure or a short/empty answer (e.g. no precompile at that address) reverts.
        if (!ok || returned != outLen) revert BlsPrecompileFailed(precompile);
    }
}
