// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";
import {ReentrantToken} from "./mocks/Tokens.sol";
import {ReentrantRecipient, RejectingRecipient} from "./mocks/Actors.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// Re-entering claim or deposit from a recipient or a token gets nothing extra; a recipient that
/// refuses its payout only blocks itself (threats.md row 14).
contract ReentrancyTest is VaultFixture {
    address internal constant ALICE = address(0xA1);

    /// The payout gives a recipient 30,000 gas: this recipient's hook needs more, so its payout is
    /// owed instead; when it pulls it (all the gas it wants), its re-entry is refused.
    function testExploitRow14_reentrantRecipientCannotClaimTwice() public {
        depositEth(10 ether);
        ReentrantRecipient r = new ReentrantRecipient();
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](2);
        ws[0] = withdrawal(address(0), address(r), 1 ether);
        ws[1] = withdrawal(address(0), address(r), 2 ether);
        IVaultTypes.Proof[] memory p = post(ws);
        r.setHook(address(vault), abi.encodeCall(vault.claim, (ws[1], p[1])));
        vault.claim(ws[0], p[0]);
        vm.assertEq(vault.owed(address(r), address(0)), 1 ether);
        vm.assertFalse(r.reentered());
        vm.prank(address(r));
        vault.withdrawOwed(address(0), address(r));
        vm.assertTrue(r.reentered());
        vm.assertFalse(r.reentrySucceeded());
        vm.assertEq(
            keccak256(r.reentryError()),
            keccak256(abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector))
        );
        vm.assertEq(address(r).balance, 1 ether);
        vm.assertEq(vault.owed(address(r), address(0)), 0);
        vm.assertFalse(vault.isClaimed(ws[1].nonce));
        IVaultTypes.TokenFlow memory f = vault.tokenFlow(address(0));
        vm.assertEq(f.locked, 9 ether);
        vm.assertEq(f.owed, 0);
        vm.assertEq(address(vault).balance, 9 ether);
    }

    function testExploitRow14_reentrantTokenOnDepositAndPayout() public {
        ReentrantToken rt = new ReentrantToken();
        register(address(rt));
        rt.mint(user, 100 ether);
        vm.prank(user);
        rt.approve(address(vault), type(uint256).max);
        // re-enter deposit from transferFrom
        rt.setHook(address(vault), abi.encodeCall(vault.deposit, (address(rt), 1 ether, ALICE)));
        vm.prank(user);
        vault.deposit(address(rt), 10 ether, ALICE);
        vm.assertTrue(rt.reentered());
        vm.assertFalse(rt.reentrySucceeded());
        vm.assertEq(vault.depositCount(), 1);
        uint256 locked = vault.tokenFlow(address(rt)).locked;
        vm.assertEq(locked, 10 ether);
        // re-enter claim from transfer (payout)
        ReentrantToken rt2 = new ReentrantToken();
        register(address(rt2));
        rt2.mint(user, 100 ether);
        vm.startPrank(user);
        rt2.approve(address(vault), type(uint256).max);
        vault.deposit(address(rt2), 10 ether, ALICE);
        vm.stopPrank();
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](2);
        ws[0] = withdrawal(address(rt2), ALICE, 1 ether);
        ws[1] = withdrawal(address(rt2), ALICE, 2 ether);
        IVaultTypes.Proof[] memory p = post(ws);
        rt2.setHook(address(vault), abi.encodeCall(vault.claim, (ws[1], p[1])));
        vault.claim(ws[0], p[0]);
        vm.assertTrue(rt2.reentered());
        vm.assertFalse(rt2.reentrySucceeded());
        vm.assertEq(rt2.balanceOf(ALICE), 1 ether);
        vm.assertEq(rt2.balanceOf(address(vault)), 9 ether);
    }

    function test_rejectingRecipientOnlyBlocksItself() public {
        depositEth(10 ether);
        RejectingRecipient rr = new RejectingRecipient();
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](2);
        ws[0] = withdrawal(address(0), address(rr), 1 ether);
        ws[1] = withdrawal(address(0), ALICE, 1 ether);
        IVaultTypes.Proof[] memory p = post(ws);
        // the failed payout becomes a debt instead of a revert; the other withdrawal pays
        vault.claim(ws[0], p[0]);
        vault.claim(ws[1], p[1]);
        vm.assertTrue(vault.isClaimed(ws[0].nonce));
        vm.assertEq(vault.owed(address(rr), address(0)), 1 ether);
        vm.assertEq(address(rr).balance, 0);
        vm.assertEq(ALICE.balance, 1 ether);
    }
}
