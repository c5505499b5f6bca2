// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {BridgeVault} from "../src/BridgeVault.sol";

contract SmokeTest is VaultFixture {
    function test_smoke() public {
        depositEth(5 ether);
        BridgeVault.Withdrawal[] memory ws = one(withdrawal(address(0), address(0xCAFE), 1 ether));
        BridgeVault.Proof[] memory p = post(ws);
        vault.claim(ws[0], p[0]);
        vm.assertEq(address(0xCAFE).balance, 1 ether);
    }
}
