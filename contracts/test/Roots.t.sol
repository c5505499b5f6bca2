// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";
import {BridgeEncoding} from "../src/BridgeEncoding.sol";
import {Merkle} from "../src/Merkle.sol";

/// issue 9 items 2 and 7: the challenge period of withdrawal roots, revocation, one root per batch.
contract RootsTest is VaultFixture {
    address internal constant ALICE = address(0xA1);
    address internal constant THIEF = address(0x7417ef);

    function testExploitRoot_nothingPaysInsideTheChallengePeriod() public {
        depositEth(10 ether);
        uint256 posted = block.timestamp;
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(0), THIEF, 1 ether));
        IVaultTypes.Proof[] memory p = postRoot(ws);
        vm.assertEq(vault.rootStatus(p[0].root).claimableAt, posted + CHALLENGE);
        vm.expectRevert(
            abi.encodeWithSelector(IVaultErrors.WithdrawalDelayed.selector, ws[0].nonce, posted + CHALLENGE)
        );
        vault.claim(ws[0], p[0]);
        vm.warp(posted + CHALLENGE - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IVaultErrors.WithdrawalDelayed.selector, ws[0].nonce, posted + CHALLENGE)
        );
        vault.claimMany(ws, p);
        vm.warp(posted + CHALLENGE);
        vault.claim(ws[0], p[0]);
        vm.assertEq(THIEF.balance, 1 ether);
    }

    /// A pauser revokes a root inside its window: it pays nothing, not after the window, not
    /// after a pause and unpause, not after a rotation.
    function testExploitRoot_revokedByPauserPaysNothingEver() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(0), THIEF, 1 ether));
        IVaultTypes.Proof[] memory p = postRoot(ws);
        vm.prank(pauser);
        vault.revokeRoot(p[0].root);
        IVaultTypes.RootStatus memory r = vault.rootStatus(p[0].root);
        vm.assertTrue(r.revoked);
        vm.assertFalse(vault.isBatchPosted(r.batchId));
        vm.warp(block.timestamp + CHALLENGE);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RootIsRevoked.selector, p[0].root));
        vault.claim(ws[0], p[0]);
        vm.prank(pauser);
        vault.pause();
        unpauseNow();
        rotate(0xfeed, 3, 4);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RootIsRevoked.selector, p[0].root));
        vault.claimMany(ws, p);
        // and it can never be posted again, by any epoch
        IVaultTypes.WithdrawalBatch memory b = IVaultTypes.WithdrawalBatch(r.batchId, p[0].root, 1);
        bytes memory sig = signBatch(vault, groupSk, b);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RootAlreadyPosted.selector, p[0].root));
        vault.postWithdrawalRoot(b, sig);
        vm.assertEq(THIEF.balance, 0);
        vm.assertEq(address(vault).balance, 10 ether);
    }

    /// After the window a pauser can no longer revoke (it cannot hold honest roots hostage), and
    /// only a pauser with an active veto can revoke at all.
    function testExploitRoot_pauserRevocationOnlyInsideTheWindow() public {
        IVaultTypes.Proof[] memory p = postRoot(one(withdrawal(address(0), ALICE, 1 ether)));
        vm.prank(address(0xBAD));
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.NotPauser.selector, address(0xBAD)));
        vault.revokeRoot(p[0].root);
        uint256 closedAt = block.timestamp + CHALLENGE;
        vm.warp(closedAt);
        vm.prank(pauser);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.ChallengeWindowClosed.selector, p[0].root, closedAt));
        vault.revokeRoot(p[0].root);
        vm.assertFalse(vault.rootStatus(p[0].root).revoked);
    }

    /// A later epoch revokes a root at any time before it is claimed; withdrawals already paid
    /// stay paid, the rest never pay.
    function testExploitRoot_laterEpochRevokesAtAnyTime() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](2);
        ws[0] = withdrawal(address(0), THIEF, 1 ether);
        ws[1] = withdrawal(address(0), THIEF, 2 ether);
        IVaultTypes.Proof[] memory p = post(ws);
        vault.claim(ws[0], p[0]);
        vm.warp(block.timestamp + 30 days);
        rotate(0xfeed, 3, 4);
        vault.submitRootRevocation(p[0].root, signRevocation(groupSk, p[0].root));
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RootIsRevoked.selector, p[0].root));
        vault.claim(ws[1], p[1]);
        vm.assertEq(THIEF.balance, 1 ether);
        // revoking twice is refused
        bytes memory again = signRevocation(groupSk, p[0].root);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RootIsRevoked.selector, p[0].root));
        vault.submitRootRevocation(p[0].root, again);
    }

    /// The epoch that posted a root (a stolen key) cannot revoke it or any other root of its
    /// epoch: only a later federation can.
    function testExploitRoot_sameEpochCannotRevokeByCertificate() public {
        IVaultTypes.Proof[] memory p = postRoot(one(withdrawal(address(0), ALICE, 1 ether)));
        bytes memory sig = signRevocation(groupSk, p[0].root);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RevocationNeedsLaterEpoch.selector, p[0].root, 0));
        vault.submitRootRevocation(p[0].root, sig);
        rotate(0xfeed, 3, 4);
        // the old key's certificate is no good for the new epoch's revocation either
        bytes memory stale = signRevocation(GROUP_SK, p[0].root);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitRootRevocation(p[0].root, stale);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownRoot.selector, bytes32(uint256(7))));
        vault.submitRootRevocation(bytes32(uint256(7)), stale);
    }

    /// One live root per sidechain block (batchId): a second root is refused; revoking a forged
    /// root frees the batch for the honest one.
    function testExploitRoot_oneRootPerBatch() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory forged = one(withdrawal(address(0), THIEF, 5 ether));
        IVaultTypes.WithdrawalBatch memory fb = IVaultTypes.WithdrawalBatch(42, Merkle.root(leaves(forged)), 1);
        vault.postWithdrawalRoot(fb, signBatch(vault, groupSk, fb));
        vm.assertTrue(vault.isBatchPosted(42));
        IVaultTypes.Withdrawal[] memory honest = one(withdrawal(address(0), ALICE, 1 ether));
        IVaultTypes.WithdrawalBatch memory hb = IVaultTypes.WithdrawalBatch(42, Merkle.root(leaves(honest)), 1);
        bytes memory hsig = signBatch(vault, groupSk, hb);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.BatchAlreadyPosted.selector, 42));
        vault.postWithdrawalRoot(hb, hsig);
        vm.prank(pauser);
        vault.revokeRoot(fb.root);
        vault.postWithdrawalRoot(hb, hsig);
        IVaultTypes.RootStatus memory r = vault.rootStatus(hb.root);
        vm.assertEq(r.batchId, 42);
        vm.warp(block.timestamp + CHALLENGE);
        vault.claimMany(honest, proofsOf(honest, hb.root));
        vm.assertEq(ALICE.balance, 1 ether);
        vm.assertEq(THIEF.balance, 0);
    }

    function testExploitRoot_batchIdMustFit64Bits() public {
        IVaultTypes.WithdrawalBatch memory b = batchOf(one(withdrawal(address(0), ALICE, 1 ether)));
        b.batchId = uint256(type(uint64).max) + 1;
        bytes memory sig = signBatch(vault, groupSk, b);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidBatchId.selector, b.batchId));
        vault.postWithdrawalRoot(b, sig);
    }

    /// Row 5 across trees: a root certified over deposit leaves never pays a "withdrawal" with the
    /// same words (distinct leaf prefixes, issue 9 item 8).
    function testExploitRow5_depositLeavesNeverPayAsWithdrawals() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(0), THIEF, 1 ether));
        bytes32[] memory depositLeaves = new bytes32[](1);
        depositLeaves[0] = BridgeEncoding.depositLeaf(ws[0].nonce, ws[0].token, ws[0].sender, ws[0].recipient, 1 ether);
        IVaultTypes.WithdrawalBatch memory b = IVaultTypes.WithdrawalBatch(9, Merkle.root(depositLeaves), 1);
        vault.postWithdrawalRoot(b, signBatch(vault, groupSk, b));
        vm.warp(block.timestamp + CHALLENGE);
        vm.expectRevert(IVaultErrors.InvalidProof.selector);
        vault.claim(ws[0], IVaultTypes.Proof(b.root, 0, new bytes32[](0)));
        vm.assertEq(THIEF.balance, 0);
    }
}
