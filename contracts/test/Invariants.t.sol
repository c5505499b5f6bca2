// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {VaultHandler} from "./utils/VaultHandler.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";

/// @dev The vault's safety properties under the campaign of {VaultHandler}: no overpay, no double
///      pay, nothing leaves while paused, revoked roots pay nothing, outflow per window within the
///      limit, roots only from valid certificates.
contract VaultInvariantTest is VaultFixture {
    VaultHandler internal handler;

    /// Limits low enough that the handler's claims run into them (so the window is tested).
    uint256 internal constant TIGHT_LIMIT = 60 ether;

    function setUp() public override {
        super.setUp();
        for (uint256 i = 0; i < 2; ++i) {
            IVaultTypes.TokenSettings memory s = settings(i == 0 ? address(0) : address(token));
            s.periodLimit = TIGHT_LIMIT;
            s.delayThreshold = 30 ether;
            configure(s); // tightening: applied at once
        }
        handler = new VaultHandler(vault, token, GROUP_SK, pauser, PERIOD);
    }

    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// Every action, with the relayer's (deposit, certify, time passing with claims) listed three
    /// times: the campaign then spends its calls on moving value, where the limits bind.
    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        VaultHandler h = handler;
        bytes4[3] memory busy = [h.depositEth.selector, h.certify.selector, h.warp.selector];
        bytes4[19] memory rest = [
            h.depositToken.selector,
            h.withdrawOwed.selector,
            h.forge.selector,
            h.claim.selector,
            h.claimAll.selector,
            h.claimMany.selector,
            h.pause.selector,
            h.revokeByPauser.selector,
            h.cancel.selector,
            h.requestUnpause.selector,
            h.executeUnpause.selector,
            h.loosen.selector,
            h.tighten.selector,
            h.executeConfig.selector,
            h.queueRotation.selector,
            h.executeRotation.selector,
            h.revokeByCertificate.selector,
            h.depositToken.selector,
            h.certify.selector
        ];
        bytes4[] memory all = new bytes4[](3 * busy.length + rest.length);
        uint256 k;
        for (uint256 r = 0; r < 3; ++r) {
            for (uint256 i = 0; i < busy.length; ++i) {
                all[k++] = busy[i];
            }
        }
        for (uint256 i = 0; i < rest.length; ++i) {
            all[k++] = rest[i];
        }
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(h), all);
    }

    /// The handler is not vacuous: one fixed sequence reaches every action the invariants rely on
    /// (settled claims, owed payouts and their pull, pauses and unpauses, queued and executed
    /// limit changes, cancellations, rotations, revocations by pauser and by certificate).
    function test_handlerReachesEveryAction() public {
        // (the handler bounds its inputs as lo + x % (hi - lo + 1): these values hit the top)
        for (uint256 i = 0; i < 12; ++i) {
            handler.depositEth(200 ether - 1);
            handler.depositToken(200 ether - 1);
        }
        for (uint256 seed = 0; seed < 6; ++seed) {
            handler.certify(5, seed); // 6 withdrawals each
        }
        handler.revokeByPauser(0);
        for (uint256 i = 0; i < 10; ++i) {
            handler.warp(36 hours - 1); // the relayer claims what the window allows each time
        }
        for (uint256 i = 0; i < 36; ++i) {
            handler.claim(i);
        }
        handler.claimMany(3, 4); // 5 withdrawals, mostly claimed already
        for (uint256 i = 0; i < 4; ++i) {
            handler.withdrawOwed(i);
        }
        handler.loosen(7 << 8);
        handler.cancel(0);
        handler.loosen(9 << 8);
        handler.warp(36 hours - 1);
        handler.warp(36 hours - 1);
        handler.executeConfig();
        handler.tighten(5 << 8);
        handler.pause(0);
        handler.requestUnpause();
        handler.queueRotation(0xc0ffee);
        handler.warp(36 hours - 1);
        handler.warp(36 hours - 1);
        handler.executeRotation();
        handler.revokeByCertificate(1);
        handler.requestUnpause();
        handler.warp(36 hours - 1);
        handler.warp(36 hours - 1);
        handler.executeUnpause();
        string[13] memory actions = [
            "certify",
            "settle",
            "owed",
            "withdrawOwed",
            "pause",
            "executeUnpause",
            "cancel",
            "executeConfig",
            "tighten",
            "executeRotation",
            "revokeByPauser",
            "revokeByCertificate",
            "certify"
        ];
        for (uint256 i = 0; i < actions.length; ++i) {
            vm.assertTrue(handler.succeeded(bytes32(bytes(actions[i]))) > 0, actions[i]);
        }
        invariant_neverPaysMoreThanDeposited();
        invariant_noWithdrawalPaidTwice();
        invariant_revokedRootsPayNothing();
        invariant_outflowPerWindowWithinLimit();
        invariant_noValueLeavesWhilePaused();
    }

    /// The vault never settles more of a token than was deposited, and its books match its
    /// balances: balance = deposited − paid out, locked + owed = balance.
    function invariant_neverPaysMoreThanDeposited() public view {
        for (uint256 i = 0; i < 2; ++i) {
            address t = i == 0 ? address(0) : address(token);
            uint256 balance = i == 0 ? address(vault).balance : token.balanceOf(address(vault));
            IVaultTypes.TokenFlow memory f = vault.tokenFlow(t);
            vm.assertLe(handler.settled(t), handler.deposited(t), "settled more than deposited");
            uint256 paidOut = handler.settled(t) - f.owed;
            vm.assertEq(balance, handler.deposited(t) - paidOut, "balance");
            vm.assertEq(f.locked + f.owed, balance, "locked + owed");
        }
    }

    /// No withdrawal is paid twice: what every recipient received (balance, still owed, pulled
    /// from what was owed) is exactly the sum of the distinct withdrawals settled to it.
    function invariant_noWithdrawalPaidTwice() public view {
        for (uint256 k = 0; k < handler.recipientCount(); ++k) {
            address r = handler.recipient(k);
            vm.assertEq(
                r.balance + vault.owed(r, address(0)) + handler.pulled(r, address(0)),
                handler.expectedReceived(r, address(0)),
                "ETH received"
            );
            vm.assertEq(
                token.balanceOf(r) + vault.owed(r, address(token)) + handler.pulled(r, address(token)),
                handler.expectedReceived(r, address(token)),
                "token received"
            );
        }
        vm.assertEq(handler.rejecting().balance, 0, "the rejecting recipient never takes ETH");
    }

    /// While paused no value leaves.
    function invariant_noValueLeavesWhilePaused() public view {
        vm.assertFalse(handler.valueLeftWhilePaused());
    }

    /// A revoked root pays nothing, ever: its withdrawals unclaimed at revocation stay unclaimed.
    function invariant_revokedRootsPayNothing() public view {
        uint256 n = handler.revokedCount();
        for (uint256 i = 0; i < n; ++i) {
            vm.assertFalse(vault.isClaimed(handler.revokedUnclaimedNonces(i)), "revoked root paid");
        }
    }

    /// The outflow of a token within any window of one period never exceeds its limit.
    function invariant_outflowPerWindowWithinLimit() public view {
        vm.assertFalse(handler.windowLimitExceeded());
    }

    /// A root only exists if a valid certificate posted it.
    function invariant_rootsOnlyFromValidCertificates() public view {
        uint256 n = handler.forgedCount();
        for (uint256 i = 0; i < n; ++i) {
            vm.assertEq(vault.rootStatus(handler.forgedRoots(i)).count, 0);
        }
    }
}
