// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "../utils/VaultFixture.sol";
import {PrecompilePrices} from "../utils/PrecompilePrices.sol";
import {IVaultTypes} from "../../src/vault/IVaultTypes.sol";

/// issue 9 item 9 under a real repricing: run with `forge test --evm-version osaka --match-path
/// 'test/osaka/*'` (the Maven build does; the default run skips this folder). Osaka's EIP-7883
/// raises MODEXP, which hash-to-curve uses, from 200 to 500 at our sizes; the vault's caps still
/// cover ten times every price and a certified withdrawal still posts and pays.
contract OsakaRepricingTest is VaultFixture {
    function testExploitRow2_vaultWorksUnderOsakaRepricing() public {
        bytes32 digest = keccak256("osaka");
        uint256 modexp = PrecompilePrices.assertCapsCoverTenTimesThePrices(
            blsSign(GROUP_SK, digest), digest, blsPublicKey(GROUP_SK)
        );
        // proves this really runs under the repriced schedule
        vm.assertGe(modexp, 500, "not running under Osaka's MODEXP prices");
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(0), address(0xA1), 1 ether));
        IVaultTypes.Proof[] memory p = post(ws);
        vault.claim(ws[0], p[0]);
        vm.assertEq(address(0xA1).balance, 1 ether);
    }
}
