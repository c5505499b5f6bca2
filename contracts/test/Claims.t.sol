// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {BridgeVault} from "../src/BridgeVault.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";
import {BlocklistToken, FalseOnPayoutToken} from "./mocks/Tokens.sol";
import {GasBurningRecipient, RejectingRecipient, ReturnBombRecipient} from "./mocks/Actors.sol";

/// @dev Calls the vault with a chosen gas limit (to starve a payout on purpose).
contract StarvingCaller {
    function claimWithGas(BridgeVault vault, IVaultTypes.Withdrawal calldata w, IVaultTypes.Proof calldata p, uint256 g)
        external
    {
        try vault.claim{gas: g}(w, p) {}
        catch (bytes memory err) {
            assembly {
                revert(add(err, 32), mload(err))
            }
        }
    }
}

/// issue 9 item 4: batch claims cannot be griefed, failed payouts become debts the recipient pulls.
contract ClaimsTest is VaultFixture {
    address internal constant ALICE = address(0xA1);
    address internal constant BOB = address(0xB0B0);

    /// Someone claims one withdrawal of the relayer's batch first: the batch still pays the rest.
    function testExploitClaimMany_frontRunClaimDoesNotSinkTheBatch() public {
        depositEth(100 ether);
        IVaultTypes.Withdrawal[] memory ws = _ethBatch(8, 1 ether);
        IVaultTypes.Proof[] memory p = post(ws);
        vm.prank(address(0xF120));
        vault.claim(ws[5], p[5]);
        vault.claimMany(ws, p);
        for (uint256 i = 0; i < 8; ++i) {
            vm.assertEq(address(uint160(0x1000 + i)).balance, 1 ether);
        }
        vm.assertEq(address(vault).balance, 92 ether);
    }

    /// Recipients that revert, burn all their gas or return-bomb cannot sink a batch: the first
    /// two are owed, the third is paid, everyone else is paid, and each owed amount is pulled.
    function testExploitClaimMany_hostileRecipientsBecomeDebts() public {
        depositEth(100 ether);
        RejectingRecipient rejecting = new RejectingRecipient();
        GasBurningRecipient burner = new GasBurningRecipient();
        ReturnBombRecipient bomb = new ReturnBombRecipient();
        IVaultTypes.Withdrawal[] memory ws = _ethBatch(6, 1 ether);
        ws[1].recipient = address(rejecting);
        ws[3].recipient = address(burner);
        ws[4].recipient = address(bomb);
        IVaultTypes.Proof[] memory p = post(ws);
        uint256 gasBefore = gasleft();
        vault.claimMany(ws, p);
        uint256 used = gasBefore - gasleft();
        // a gas burner costs the batch at most its cap, not the batch's gas
        vm.assertLe(used, 6 * 60_000 + vault.ETH_PAYOUT_GAS());
        vm.assertEq(vault.owed(address(rejecting), address(0)), 1 ether);
        vm.assertEq(vault.owed(address(burner), address(0)), 1 ether);
        vm.assertEq(address(bomb).balance, 1 ether);
        vm.assertEq(address(uint160(0x1000)).balance, 1 ether);
        vm.assertEq(address(uint160(0x1005)).balance, 1 ether);
        for (uint256 i = 0; i < 6; ++i) {
            vm.assertTrue(vault.isClaimed(ws[i].nonce));
        }
        IVaultTypes.TokenFlow memory f = vault.tokenFlow(address(0));
        vm.assertEq(f.owed, 2 ether);
        vm.assertEq(f.locked + f.owed, address(vault).balance);
        // each pulls what it is owed to an address that accepts it
        vm.prank(address(rejecting));
        vault.withdrawOwed(address(0), ALICE);
        vm.prank(address(burner));
        vault.withdrawOwed(address(0), BOB);
        vm.assertEq(ALICE.balance, 1 ether);
        vm.assertEq(BOB.balance, 1 ether);
        vm.assertEq(vault.tokenFlow(address(0)).owed, 0);
        vm.prank(address(burner));
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.NothingOwed.selector, address(burner), address(0)));
        vault.withdrawOwed(address(0), BOB);
    }

    /// A token that blocklists a recipient (USDC-style) or returns false: the withdrawal is owed
    /// and the recipient pulls it to another address; the rest of the batch pays.
    function testExploitClaimMany_blocklistedRecipientBecomesDebt() public {
        BlocklistToken blk = new BlocklistToken();
        configure(settings(address(blk)));
        blk.mint(user, 100 ether);
        vm.startPrank(user);
        blk.approve(address(vault), 100 ether);
        vault.deposit(address(blk), 100 ether, user);
        vm.stopPrank();
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](3);
        ws[0] = withdrawal(address(blk), ALICE, 1 ether);
        ws[1] = withdrawal(address(blk), BOB, 2 ether);
        ws[2] = withdrawal(address(blk), ALICE, 3 ether);
        IVaultTypes.Proof[] memory p = post(ws);
        blk.setBlocked(BOB, true);
        vault.claimMany(ws, p);
        vm.assertEq(blk.balanceOf(ALICE), 4 ether);
        vm.assertEq(vault.owed(BOB, address(blk)), 2 ether);
        // BOB cannot receive at its own address, so it pulls elsewhere
        vm.prank(BOB);
        vault.withdrawOwed(address(blk), address(0xB0B1));
        vm.assertEq(blk.balanceOf(address(0xB0B1)), 2 ether);
        vm.assertEq(blk.balanceOf(address(vault)), 94 ether);
    }

    /// A token whose `transfer` returns false: the payout is owed, never counted as paid.
    function testExploitClaim_falseReturningTokenPayoutIsOwed() public {
        FalseOnPayoutToken f = new FalseOnPayoutToken();
        configure(settings(address(f)));
        f.mint(user, 10 ether);
        vm.startPrank(user);
        f.approve(address(vault), 10 ether);
        vault.deposit(address(f), 10 ether, user);
        vm.stopPrank();
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(f), ALICE, 1 ether));
        IVaultTypes.Proof[] memory p = post(ws);
        vault.claim(ws[0], p[0]);
        vm.assertEq(vault.owed(ALICE, address(f)), 1 ether);
        vm.assertEq(f.balanceOf(ALICE), 0);
        vm.assertEq(f.balanceOf(address(vault)), 10 ether);
        // pulling it fails loudly (SafeERC20) and leaves the debt in place
        vm.prank(ALICE);
        vm.expectRevert();
        vault.withdrawOwed(address(f), ALICE);
        vm.assertEq(vault.owed(ALICE, address(f)), 1 ether);
    }

    /// Nobody can turn a payout into a debt by starving it of gas: for every gas limit the claim
    /// either pays in full or reverts as a whole (the guard names the shortfall), never "owed".
    function testExploitClaim_starvedPayoutRevertsInsteadOfOwing() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = _ethBatch(1, 1 ether);
        IVaultTypes.Proof[] memory p = post(ws);
        StarvingCaller starver = new StarvingCaller();
        bool guardSeen;
        for (uint256 g = 40_000; g <= 160_000; g += 2_000) {
            try starver.claimWithGas(vault, ws[0], p[0], g) {
                break;
            } catch (bytes memory err) {
                if (bytes4(err) == IVaultErrors.InsufficientGasForPayout.selector) guardSeen = true;
                vm.assertFalse(vault.isClaimed(ws[0].nonce));
            }
        }
        vm.assertTrue(guardSeen, "the payout gas guard never triggered");
        vm.assertTrue(vault.isClaimed(ws[0].nonce));
        vm.assertEq(vault.owed(ws[0].recipient, address(0)), 0);
        vm.assertEq(ws[0].recipient.balance, 1 ether);
    }

    function test_withdrawOwedRules() public {
        depositEth(10 ether);
        RejectingRecipient rejecting = new RejectingRecipient();
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(0), address(rejecting), 1 ether));
        IVaultTypes.Proof[] memory p = post(ws);
        vault.claim(ws[0], p[0]);
        vm.startPrank(address(rejecting));
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidRecipient.selector, address(0)));
        vault.withdrawOwed(address(0), address(0));
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidRecipient.selector, address(vault)));
        vault.withdrawOwed(address(0), address(vault));
        // to itself it still fails: the debt stays
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.EthTransferFailed.selector, address(rejecting)));
        vault.withdrawOwed(address(0), address(rejecting));
        vm.stopPrank();
        // nothing moves while paused, owed payouts included
        vm.prank(pauser);
        vault.pause();
        vm.prank(address(rejecting));
        vm.expectRevert(IVaultErrors.Paused.selector);
        vault.withdrawOwed(address(0), ALICE);
        vm.assertEq(vault.owed(address(rejecting), address(0)), 1 ether);
    }

    // ------------------------------------------------------------------ helpers

    function _ethBatch(uint256 n, uint256 amount) internal returns (IVaultTypes.Withdrawal[] memory ws) {
        ws = new IVaultTypes.Withdrawal[](n);
        for (uint256 i = 0; i < n; ++i) {
            ws[i] = withdrawal(address(0), address(uint160(0x1000 + i)), amount);
        }
    }
}
