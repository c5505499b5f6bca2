// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Vm} from "./Vm.sol";
import {BLS} from "../../src/BLS.sol";
import {BridgeEncoding} from "../../src/BridgeEncoding.sol";

/// @dev Minimal test base: cheatcodes, bounding, and a BLS signer that uses the EIP-2537
///      precompiles (G1MSM / G2MSM) so tests can make keys, signatures and Shamir shares natively.
abstract contract TestBase {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev BLS12-381 group order r.
    uint256 internal constant R = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001;

    bytes internal constant G2_GENERATOR = hex"00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"
        hex"0000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
        hex"000000000000000000000000000000000ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"
        hex"000000000000000000000000000000000606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be";

    bytes internal constant G1_GENERATOR = hex"0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
        hex"0000000000000000000000000000000008b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1";

    function bound(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) {
        if (hi <= lo) return lo;
        return lo + (x % (hi - lo + 1));
    }

    function _precompile(address a, bytes memory input, uint256 outLen) internal view returns (bytes memory out) {
        bool ok;
        (ok, out) = a.staticcall(input);
        require(ok && out.length == outLen, "precompile failed");
    }

    /// @dev sk·G2 as a 256-byte EIP-2537 G2 point.
    function blsPublicKey(uint256 sk) internal view returns (bytes memory) {
        return _precompile(address(0x0e), abi.encodePacked(G2_GENERATOR, sk), 256);
    }

    /// @dev sk·P for a G1 point P.
    function g1Mul(bytes memory p, uint256 sk) internal view returns (bytes memory) {
        return _precompile(address(0x0c), abi.encodePacked(p, sk), 128);
    }

    function g1Add(bytes memory a, bytes memory b) internal view returns (bytes memory) {
        return _precompile(address(0x0b), abi.encodePacked(a, b), 128);
    }

    /// @dev Min-sig signature sk·H(digest) under the fedbridge DST.
    function blsSign(uint256 sk, bytes32 digest) internal view returns (bytes memory) {
        return g1Mul(BLS.hashToG1(abi.encodePacked(digest), BridgeEncoding.DST), sk);
    }

    /// @dev Evaluates the Shamir polynomial with coefficients `c` at x (mod r).
    function shamir(uint256[] memory c, uint256 x) internal pure returns (uint256 y) {
        for (uint256 k = c.length; k > 0; --k) {
            y = addmod(mulmod(y, x, R), c[k - 1], R);
        }
    }
}
