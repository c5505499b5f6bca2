// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {BridgeVault} from "../src/BridgeVault.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";

/// @dev Everything the review's attacker did with a stolen threshold of key shares, in one
///      transaction: unpause, raise every limit with no delay, remove the pauser, post a root,
///      claim it, rotate to its own key. Each step is tried and its outcome recorded.
contract StolenKeyAttacker {
    struct Plan {
        IVaultTypes.Unpause unpause;
        bytes unpauseSig;
        uint256 configNonce;
        IVaultTypes.TokenSettings loose;
        bytes looseSig;
        IVaultTypes.PauserUpdate removal;
        bytes removalSig;
        IVaultTypes.WithdrawalBatch batch;
        bytes batchSig;
        IVaultTypes.Withdrawal w;
        IVaultTypes.EpochChange change;
        bytes changeSig;
    }

    BridgeVault internal immutable vault;
    bool[7] public succeeded;

    constructor(BridgeVault vault_) {
        vault = vault_;
    }

    function attack(Plan calldata p) external {
        // queue what can only be queued, then try to use it at once
        try vault.submitUnpause(p.unpause, p.unpauseSig) {} catch {}
        try vault.executeUnpause(p.unpause) {
            succeeded[0] = true;
        } catch {}
        try vault.submitTokenConfig(p.configNonce, p.loose, p.looseSig) {} catch {}
        try vault.executeTokenConfig(p.configNonce, p.loose) {
            succeeded[1] = true;
        } catch {}
        try vault.submitPauserUpdate(p.removal, p.removalSig) {} catch {}
        try vault.executePauserUpdate(p.removal) {
            succeeded[2] = true;
        } catch {}
        try vault.postWithdrawalRoot(p.batch, p.batchSig) {
            succeeded[3] = true;
        } catch {}
        try vault.claim(p.w, IVaultTypes.Proof(p.batch.root, 0, new bytes32[](0))) {
            succeeded[4] = true;
        } catch {}
        try vault.submitEpochChange(p.change, p.changeSig) {} catch {}
        try vault.executeEpochChange(p.change) {
            succeeded[5] = true;
        } catch {}
        succeeded[6] = address(this).balance > 0;
    }

    receive() external payable {}
}

/// issue 9 item 1 and docs/security.md "If the federation's key is stolen": a thief who holds a
/// threshold of key shares (a valid certificate for anything) against the vault, its pausers and
/// the honest members.
contract StolenKeyTest is VaultFixture {
    uint256 internal constant THIEF_SK = 0x7417ef;
    address internal constant THIEF = address(0x7417ef);
    address internal constant PAUSER2 = address(0xB22);
    address internal constant ALICE = address(0xA1);

    /// The review's drain of a paused vault in one transaction: every step that loosens is
    /// queued, the rest is refused; nothing moves and every control stays as it was.
    function testExploitStolenKey_reviewDrainInOneTransactionFails() public {
        depositEth(5_000 ether);
        vm.prank(pauser);
        vault.pause();
        StolenKeyAttacker attacker = new StolenKeyAttacker(vault);
        StolenKeyAttacker.Plan memory plan;
        plan.unpause = IVaultTypes.Unpause(0, vault.pauseCount());
        plan.unpauseSig = signUnpause(groupSk, plan.unpause);
        plan.configNonce = 1;
        plan.loose = IVaultTypes.TokenSettings(address(0), true, type(uint96).max, 1, type(uint96).max, 0);
        plan.looseSig = signTokenConfig(groupSk, 1, plan.loose);
        plan.removal = IVaultTypes.PauserUpdate(2, pauser, false);
        plan.removalSig = signPauserUpdate(groupSk, plan.removal);
        plan.w = IVaultTypes.Withdrawal(1, address(0), address(0x5e), address(attacker), 5_000 ether);
        plan.batch = batchOf(one(plan.w));
        plan.batchSig = signBatch(vault, groupSk, plan.batch);
        plan.change = epochChange(THIEF_SK, 1, 1);
        plan.changeSig = signEpochChange(groupSk, plan.change);
        attacker.attack(plan);
        for (uint256 i = 0; i < 7; ++i) {
            vm.assertFalse(attacker.succeeded(i), "an attack step succeeded");
        }
        vm.assertEq(address(vault).balance, 5_000 ether);
        vm.assertTrue(vault.paused());
        vm.assertEq(vault.tokenSettings(address(0)).periodLimit, PERIOD_LIMIT);
        vm.assertTrue(vault.isPauser(pauser));
        vm.assertEq(vault.currentEpoch(), 0);
        // what it queued is in plain sight, and the pauser cancels all of it
        bytes32[4] memory ids = [
            vault.unpauseDigest(plan.unpause),
            vault.tokenConfigDigest(1, plan.loose),
            vault.pauserUpdateDigest(plan.removal),
            vault.epochChangeDigest(plan.change)
        ];
        for (uint256 i = 0; i < 4; ++i) {
            vm.assertEq(uint256(vault.operation(ids[i]).state), uint256(IVaultTypes.OperationState.Queued));
            vm.prank(pauser);
            if (i == 2) {
                // the pauser cannot cancel its own removal ...
                vm.expectRevert(abi.encodeWithSelector(IVaultErrors.CannotCancelOwnRemoval.selector, pauser));
                vault.cancelOperation(ids[i]);
            } else {
                vault.cancelOperation(ids[i]);
            }
        }
        // ... and a removal still needs its delay; while it waits, the vault stays paused and the
        // thief cannot lift that (its unpause was cancelled)
        vm.warp(block.timestamp + GOV_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, ids[0]));
        vault.executeUnpause(plan.unpause);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, ids[3]));
        vault.executeEpochChange(plan.change);
        vm.assertEq(address(vault).balance, 5_000 ether);
    }

    /// With two pausers, neither can be removed by a thief: each cancels the other's removal.
    function testExploitStolenKey_cannotRemoveTheHonestPausers() public {
        _addSecondPauser();
        IVaultTypes.PauserUpdate memory r1 = IVaultTypes.PauserUpdate(vault.governanceNonce(), pauser, false);
        bytes32 id1 = vault.submitPauserUpdate(r1, signPauserUpdate(groupSk, r1));
        IVaultTypes.PauserUpdate memory r2 = IVaultTypes.PauserUpdate(vault.governanceNonce(), PAUSER2, false);
        bytes32 id2 = vault.submitPauserUpdate(r2, signPauserUpdate(groupSk, r2));
        vm.prank(PAUSER2);
        vault.cancelOperation(id1);
        vm.prank(pauser);
        vault.cancelOperation(id2);
        vm.warp(block.timestamp + GOV_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, id1));
        vault.executePauserUpdate(r1);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, id2));
        vault.executePauserUpdate(r2);
        vm.assertTrue(vault.isPauser(pauser) && vault.isPauser(PAUSER2));
    }

    /// A pauser the thief adds can pause at once but has no veto for a governance delay, and the
    /// honest federation removes it at once in that time: the thief cannot buy a veto over the
    /// recovery. Re-adding an honest pauser does not reset its veto either.
    function testExploitStolenKey_thiefAddedPausersGetNoVeto() public {
        // the honest side queues a rotation away from the stolen key
        IVaultTypes.EpochChange memory honest = epochChange(0xc1ea4, 3, 4);
        bytes32 rotation = vault.submitEpochChange(honest, signEpochChange(groupSk, honest));
        // the thief adds itself as a pauser and tries to cancel it
        IVaultTypes.PauserUpdate memory add = IVaultTypes.PauserUpdate(vault.governanceNonce(), THIEF, true);
        vault.submitPauserUpdate(add, signPauserUpdate(groupSk, add));
        vm.assertTrue(vault.isPauser(THIEF));
        vm.prank(THIEF);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.VetoNotActive.selector, THIEF, block.timestamp + GOV_DELAY));
        vault.cancelOperation(rotation);
        // re-adding the honest pauser does not strip its veto
        IVaultTypes.PauserUpdate memory readd = IVaultTypes.PauserUpdate(vault.governanceNonce(), pauser, true);
        vault.submitPauserUpdate(readd, signPauserUpdate(groupSk, readd));
        vm.assertLe(vault.vetoActiveFrom(pauser), block.timestamp);
        // the honest federation removes the thief's pauser at once (no veto yet: nothing to wait for)
        IVaultTypes.PauserUpdate memory rm = IVaultTypes.PauserUpdate(vault.governanceNonce(), THIEF, false);
        vault.submitPauserUpdate(rm, signPauserUpdate(groupSk, rm));
        vm.assertFalse(vault.isPauser(THIEF));
        vm.warp(block.timestamp + GOV_DELAY);
        vault.executeEpochChange(honest);
        vm.assertEq(vault.currentEpoch(), 1);
    }

    /// A single hostile pauser that keeps the vault paused and cancels every unpause is removed
    /// by the federation (it cannot cancel its own removal, which executes while paused), and the
    /// vault recovers. Nothing moved meanwhile.
    function testExploitHostilePauser_cannotKeepTheVaultFrozen() public {
        depositEth(100 ether);
        address hostile = PAUSER2;
        _addSecondPauser();
        vm.prank(hostile);
        vault.pause();
        IVaultTypes.Unpause memory u = currentUnpause();
        bytes32 unpauseId = vault.submitUnpause(u, signUnpause(groupSk, u));
        vm.prank(hostile);
        vault.cancelOperation(unpauseId);
        IVaultTypes.PauserUpdate memory rm = IVaultTypes.PauserUpdate(vault.governanceNonce(), hostile, false);
        bytes32 removal = vault.submitPauserUpdate(rm, signPauserUpdate(groupSk, rm));
        vm.prank(hostile);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.CannotCancelOwnRemoval.selector, hostile));
        vault.cancelOperation(removal);
        vm.warp(block.timestamp + GOV_DELAY);
        vault.executePauserUpdate(rm); // while paused
        vm.assertFalse(vault.isPauser(hostile));
        unpauseNow();
        vm.assertFalse(vault.paused());
        vm.assertEq(address(vault).balance, 100 ether);
    }

    /// The whole recovery, under the pause: the thief's root is revoked by a pauser inside its
    /// challenge period and its later root by the next epoch; the thief's rotation is cancelled,
    /// the honest one executes while paused, the new epoch unpauses; honest withdrawals pay, the
    /// thief's never do, and the old key certifies nothing any more.
    function testExploitStolenKey_fullRecoveryUnderPause() public {
        depositEth(2_000 ether);
        // an honest root, claimable
        IVaultTypes.Withdrawal[] memory honest = one(withdrawal(address(0), ALICE, 10 ether));
        IVaultTypes.Proof[] memory hp = post(honest);
        // the thief posts a root; a watcher sees it contradicts the sidechain; a pauser revokes it
        IVaultTypes.Withdrawal[] memory loot = one(withdrawal(address(0), THIEF, 90 ether));
        IVaultTypes.Proof[] memory lp = postRoot(loot);
        vm.prank(pauser);
        vault.revokeRoot(lp[0].root);
        // a second thief root, and the pauser is too late for it
        IVaultTypes.Withdrawal[] memory loot2 = one(withdrawal(address(0), THIEF, 80 ether));
        IVaultTypes.Proof[] memory lp2 = postRoot(loot2);
        vm.prank(pauser);
        vault.pause();
        vm.warp(block.timestamp + CHALLENGE);
        vm.prank(pauser);
        vm.expectRevert(
            abi.encodeWithSelector(IVaultErrors.ChallengeWindowClosed.selector, lp2[0].root, block.timestamp)
        );
        vault.revokeRoot(lp2[0].root);
        // thief and honest members both queue a rotation; the pauser cancels the thief's
        IVaultTypes.EpochChange memory theirs = epochChange(THIEF_SK, 1, 1);
        bytes32 theirsId = vault.submitEpochChange(theirs, signEpochChange(groupSk, theirs));
        IVaultTypes.EpochChange memory ours = epochChange(0xc1ea4, 3, 4);
        vault.submitEpochChange(ours, signEpochChange(groupSk, ours));
        vm.prank(pauser);
        vault.cancelOperation(theirsId);
        vm.warp(block.timestamp + GOV_DELAY);
        vault.executeEpochChange(ours); // while paused
        groupSk = 0xc1ea4;
        // the new epoch revokes the thief's second root (no window needed), then unpauses
        vault.submitRootRevocation(lp2[0].root, signRevocation(groupSk, lp2[0].root));
        unpauseNow();
        // honest withdrawal pays; the thief's roots never do; the old key posts nothing
        vault.claim(honest[0], hp[0]);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RootIsRevoked.selector, lp[0].root));
        vault.claim(loot[0], lp[0]);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RootIsRevoked.selector, lp2[0].root));
        vault.claim(loot2[0], lp2[0]);
        IVaultTypes.WithdrawalBatch memory b = batchOf(one(withdrawal(address(0), THIEF, 1 ether)));
        bytes memory oldKeySig = signBatch(vault, GROUP_SK, b);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.postWithdrawalRoot(b, oldKeySig);
        vm.assertEq(ALICE.balance, 10 ether);
        vm.assertEq(THIEF.balance, 0);
        vm.assertEq(address(vault).balance, 1_990 ether);
    }

    /// The most a thief takes when nobody reacts, with this fixture's ETH limits (1,000 ETH per
    /// day, 100 ETH delay threshold, 1 h challenge period): nothing for the first hour, then
    /// 1,000 ETH, and 1,000 more only once that outflow has left its window (between one and one
    /// and a half days later). The numbers of docs/security.md.
    function testExploitStolenKey_mostThatLeavesBeforeAnyoneReacts() public {
        depositEth(5_000 ether);
        uint256 posted = block.timestamp;
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](50);
        for (uint256 i = 0; i < 50; ++i) {
            ws[i] = withdrawal(address(0), THIEF, DELAY_THRESHOLD); // 100 ETH: not delayed further
        }
        IVaultTypes.Proof[] memory p = postRoot(ws);
        // inside the challenge period: nothing
        vm.warp(posted + CHALLENGE - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IVaultErrors.WithdrawalDelayed.selector, ws[0].nonce, posted + CHALLENGE)
        );
        vault.claim(ws[0], p[0]);
        // then the period limit: 10 x 100 ETH, then nothing for a whole day
        vm.warp(posted + CHALLENGE);
        uint256 next = _drain(ws, p, 0);
        vm.assertEq(THIEF.balance, PERIOD_LIMIT);
        vm.warp(posted + CHALLENGE + PERIOD);
        vm.assertEq(_drain(ws, p, next), next);
        vm.assertEq(THIEF.balance, PERIOD_LIMIT);
        // the earliest the next 1,000 ETH can leave: when the first outflow's sub-window expires
        vm.warp(posted + CHALLENGE + PERIOD + PERIOD / 2);
        next = _drain(ws, p, next);
        vm.assertEq(THIEF.balance, 2 * PERIOD_LIMIT);
        // a pause at any time stops the rest
        vm.prank(pauser);
        vault.pause();
        vm.warp(block.timestamp + 10 days);
        vm.expectRevert(IVaultErrors.Paused.selector);
        vault.claim(ws[next], p[next]);
        vm.assertLe(THIEF.balance, 2 * PERIOD_LIMIT);
    }

    /// The current key keeps working while its rotation is queued (deposits are still certified
    /// and withdrawals still post), and a rotation drops what was queued under the old epoch.
    function testExploitStolenKey_rotationDropsOperationsQueuedUnderTheOldEpoch() public {
        depositEth(10 ether);
        IVaultTypes.TokenSettings memory loose = settings(address(0));
        loose.periodLimit = PERIOD_LIMIT * 10;
        uint256 nonce = vault.governanceNonce();
        vault.submitTokenConfig(nonce, loose, signTokenConfig(groupSk, nonce, loose));
        IVaultTypes.EpochChange memory c = epochChange(0xc1ea4, 3, 4);
        vault.submitEpochChange(c, signEpochChange(groupSk, c));
        // still epoch 0: its key posts roots
        IVaultTypes.Proof[] memory p = post(one(withdrawal(address(0), ALICE, 1 ether)));
        vm.warp(block.timestamp + GOV_DELAY);
        vault.executeEpochChange(c);
        groupSk = 0xc1ea4;
        // the loosening queued under epoch 0 is dead
        bytes32 idNow = vault.tokenConfigDigest(nonce, loose);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, idNow));
        vault.executeTokenConfig(nonce, loose);
        vm.assertEq(vault.tokenSettings(address(0)).periodLimit, PERIOD_LIMIT);
        // epoch 0's root still pays (it was checked once, at posting)
        IVaultTypes.Withdrawal memory w = IVaultTypes.Withdrawal(1, address(0), address(0x5e11de5), ALICE, 1 ether);
        vault.claim(w, p[0]);
        vm.assertEq(ALICE.balance, 1 ether);
    }

    // ------------------------------------------------------------------ helpers

    function _addSecondPauser() internal {
        IVaultTypes.PauserUpdate memory add = IVaultTypes.PauserUpdate(vault.governanceNonce(), PAUSER2, true);
        vault.submitPauserUpdate(add, signPauserUpdate(groupSk, add));
        vm.warp(block.timestamp + GOV_DELAY);
        vm.assertLe(vault.vetoActiveFrom(PAUSER2), block.timestamp);
    }

    /// Claims from `from` on until the vault refuses; returns the next unclaimed index.
    function _drain(IVaultTypes.Withdrawal[] memory ws, IVaultTypes.Proof[] memory p, uint256 from)
        internal
        returns (uint256 i)
    {
        for (i = from; i < ws.length; ++i) {
            try vault.claim(ws[i], p[i]) {}
            catch {
                return i;
            }
        }
    }
}
