// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Vm} from "./Vm.sol";
import {BLS} from "../../src/BLS.sol";
import {BridgeEncoding} from "../../src/BridgeEncoding.sol";

/// @dev Measures what each precompile call of one BLS verification costs under the schedule the
///      test runs with, and checks that BLS forwards at least ten times that (issue 9 item 9).
library PrecompilePrices {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @return modexp The MODEXP price measured (the one precompile Osaka reprices).
    function assertCapsCoverTenTimesThePrices(bytes memory sig, bytes32 digest, bytes memory pk)
        internal
        view
        returns (uint256 modexp)
    {
        bytes memory fp;
        (modexp, fp) = _modexp(digest);
        _check(BLS.MODEXP_GAS, modexp, "MODEXP");
        _check(
            BLS.MAP_FP_TO_G1_GAS,
            _expect(price(address(0x10), abi.encodePacked(bytes16(0), fp), BLS.MAP_FP_TO_G1_GAS), 5_500),
            "MAP_FP_TO_G1"
        );
        bytes memory h = BLS.hashToG1(abi.encodePacked(digest), BridgeEncoding.DST);
        _check(BLS.G1ADD_GAS, _expect(price(address(0x0b), abi.encodePacked(h, h), BLS.G1ADD_GAS), 375), "G1ADD");
        _check(
            BLS.G2MSM_GAS,
            _expect(price(address(0x0e), abi.encodePacked(pk, uint256(1)), BLS.G2MSM_GAS), 22_500),
            "G2MSM"
        );
        bytes memory pairingIn = abi.encodePacked(sig, BLS.NEG_G2_GENERATOR, h, pk);
        _check(BLS.PAIRING2_GAS, _expect(price(address(0x0f), pairingIn, BLS.PAIRING2_GAS), 102_900), "PAIRING");
    }

    function _modexp(bytes32 digest) private view returns (uint256 p, bytes memory fp) {
        (bytes32 b1, bytes32 b2,,) = BLS.expandMessageXmd(abi.encodePacked(digest), BridgeEncoding.DST);
        bytes memory input = abi.encodePacked(uint256(64), uint256(1), uint256(48), b1, b2, uint8(1), BLS.P_BYTES);
        p = price(address(0x05), input, BLS.MODEXP_GAS);
        bool ok;
        (ok, fp) = address(0x05).staticcall(input);
        require(ok, "modexp");
    }

    function _check(uint256 cap, uint256 measured, string memory name) private pure {
        vm.assertGe(cap, 10 * measured, string.concat(name, " cap below ten times its price"));
    }

    /// Today's EIP-2537 prices (Osaka leaves them unchanged): pins what was measured.
    function _expect(uint256 measured, uint256 expected) private pure returns (uint256) {
        vm.assertEq(measured, expected);
        return measured;
    }

    /// The least gas with which `precompile(input)` succeeds (binary search: below its price a
    /// precompile fails, at or above it succeeds).
    function price(address precompile, bytes memory input, uint256 upper) internal view returns (uint256) {
        (bool ok,) = precompile.staticcall{gas: upper}(input);
        require(ok, "precompile fails even at its cap");
        uint256 lo = 0;
        uint256 hi = upper;
        while (lo + 1 < hi) {
            uint256 mid = (lo + hi) / 2;
            (ok,) = precompile.staticcall{gas: mid}(input);
            if (ok) hi = mid;
            else lo = mid;
        }
        return hi;
    }
}
