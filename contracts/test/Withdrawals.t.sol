// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";
import {Merkle} from "../src/Merkle.sol";

/// Posting a certified root and claiming against it: each withdrawal pays once, to a valid recipient,
/// only with a proof of its exact leaf (threats.md row 5, BNB Token Hub; replay of claims).
contract WithdrawalsTest is VaultFixture {
    address internal constant ALICE = address(0xA1);
    address internal constant ATTACKER = address(0xBAD);

    function test_postAndClaimEthAndToken() public {
        depositEth(10 ether);
        depositToken(10 ether);
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](3);
        ws[0] = withdrawal(address(0), ALICE, 1 ether);
        ws[1] = withdrawal(address(token), ALICE, 2 ether);
        ws[2] = withdrawal(address(0), address(0xC0), 3 ether);
        uint256 postedAt = block.timestamp;
        IVaultTypes.Proof[] memory p = post(ws);
        IVaultTypes.RootStatus memory r = vault.rootStatus(p[0].root);
        vm.assertEq(r.count, 3);
        vm.assertEq(r.batchId, nextBatchId - 1);
        vm.assertEq(r.postedAt, postedAt);
        vm.assertEq(r.claimableAt, postedAt + CHALLENGE);
        vm.assertEq(r.epoch, 0);
        vm.assertFalse(r.revoked);
        vault.claim(ws[0], p[0]);
        vault.claim(ws[1], p[1]);
        vault.claim(ws[2], p[2]);
        vm.assertEq(ALICE.balance, 1 ether);
        vm.assertEq(token.balanceOf(ALICE), 2 ether);
        vm.assertEq(address(0xC0).balance, 3 ether);
        vm.assertTrue(vault.isClaimed(ws[0].nonce));
    }

    function test_claimManyPaysAll() public {
        depositEth(100 ether);
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](16);
        for (uint256 i = 0; i < 16; ++i) {
            ws[i] = withdrawal(address(0), address(uint160(0x1000 + i)), 1 ether);
        }
        IVaultTypes.Proof[] memory p = post(ws);
        vault.claimMany(ws, p);
        for (uint256 i = 0; i < 16; ++i) {
            vm.assertEq(address(uint160(0x1000 + i)).balance, 1 ether);
        }
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.AlreadyClaimed.selector, ws[3].nonce));
        vault.claim(ws[3], p[3]);
    }

    function test_claimToZeroOrVaultRecipientRefused() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](2);
        ws[0] = withdrawal(address(0), address(0), 1 ether);
        ws[1] = withdrawal(address(0), address(vault), 1 ether);
        IVaultTypes.Proof[] memory p = post(ws);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidRecipient.selector, address(0)));
        vault.claim(ws[0], p[0]);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidRecipient.selector, address(vault)));
        vault.claim(ws[1], p[1]);
    }

    function test_claimManyInputChecks() public {
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](0);
        IVaultTypes.Proof[] memory p = new IVaultTypes.Proof[](1);
        vm.expectRevert(IVaultErrors.EmptyClaim.selector);
        vault.claimMany(ws, new IVaultTypes.Proof[](0));
        ws = new IVaultTypes.Withdrawal[](2);
        vm.expectRevert(IVaultErrors.LengthMismatch.selector);
        vault.claimMany(ws, p);
    }

    function testExploitReplay_sameClaimTwice() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(0), ALICE, 1 ether));
        IVaultTypes.Proof[] memory p = post(ws);
        vault.claim(ws[0], p[0]);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.AlreadyClaimed.selector, ws[0].nonce));
        vault.claim(ws[0], p[0]);
        // and twice inside one claimMany
        IVaultTypes.Withdrawal[] memory w2 = new IVaultTypes.Withdrawal[](2);
        w2[0] = withdrawal(address(0), ALICE, 1 ether);
        w2[1] = w2[0];
        IVaultTypes.Proof[] memory p2 = post(one(w2[0]));
        IVaultTypes.Proof[] memory pp = new IVaultTypes.Proof[](2);
        pp[0] = p2[0];
        pp[1] = p2[0];
        // the second copy is skipped (claimMany never reverts on a claimed nonce): paid once
        vault.claimMany(w2, pp);
        vm.assertEq(ALICE.balance, 2 ether);
        vm.assertEq(vault.tokenFlow(address(0)).locked, 8 ether);
    }

    /// The same withdrawal nonce certified in two different roots is still paid only once.
    function testExploitReplay_sameNonceInTwoRootsPaidOnce() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal memory w = withdrawal(address(0), ALICE, 1 ether);
        IVaultTypes.Proof[] memory p1 = post(one(w));
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](2);
        ws[0] = withdrawal(address(0), ALICE, 1 ether);
        ws[1] = w;
        IVaultTypes.Proof[] memory p2 = post(ws);
        vault.claim(w, p1[0]);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.AlreadyClaimed.selector, w.nonce));
        vault.claim(w, p2[1]);
    }

    function testExploitRow5_forgedProofsRefused() public {
        depositEth(100 ether);
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](5);
        for (uint256 i = 0; i < 5; ++i) {
            ws[i] = withdrawal(address(0), ALICE, 1 ether);
        }
        IVaultTypes.Proof[] memory p = post(ws);
        bytes32[] memory good = p[1].siblings;
        IVaultTypes.Proof memory bad = IVaultTypes.Proof(p[1].root, 1, good);
        // extra node
        bytes32[] memory extra = new bytes32[](4);
        for (uint256 i = 0; i < 3; ++i) {
            extra[i] = good[i];
        }
        bad.siblings = extra;
        vm.expectRevert(abi.encodeWithSelector(Merkle.MerkleProofLength.selector, 4, 3));
        vault.claim(ws[1], bad);
        // missing node
        bytes32[] memory missing = new bytes32[](2);
        missing[0] = good[0];
        missing[1] = good[1];
        bad.siblings = missing;
        vm.expectRevert(abi.encodeWithSelector(Merkle.MerkleProofLength.selector, 2, 3));
        vault.claim(ws[1], bad);
        // reordered nodes
        bytes32[] memory reordered = new bytes32[](3);
        reordered[0] = good[1];
        reordered[1] = good[0];
        reordered[2] = good[2];
        bad.siblings = reordered;
        vm.expectRevert(IVaultErrors.InvalidProof.selector);
        vault.claim(ws[1], bad);
        // index of a padding leaf
        bad = IVaultTypes.Proof(p[4].root, 5, p[4].siblings);
        vm.expectRevert(abi.encodeWithSelector(Merkle.MerkleIndexOutOfRange.selector, 5, 5));
        vault.claim(ws[4], bad);
        // wrong index, otherwise valid proof
        bad = IVaultTypes.Proof(p[1].root, 0, good);
        vm.expectRevert(IVaultErrors.InvalidProof.selector);
        vault.claim(ws[1], bad);
        // a changed amount
        IVaultTypes.Withdrawal memory inflated = ws[1];
        inflated.amount = 50 ether;
        vm.expectRevert(IVaultErrors.InvalidProof.selector);
        vault.claim(inflated, p[1]);
        vm.assertEq(ALICE.balance, 0);
    }

    /// Any claim with a random proof for an unposted root, or random siblings, never pays.
    function testFuzz_randomProofsNeverPay(bytes32 root, uint256 index, bytes32 s0, bytes32 s1, uint96 amount) public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](4);
        for (uint256 i = 0; i < 4; ++i) {
            ws[i] = withdrawal(address(0), ALICE, 1 ether);
        }
        IVaultTypes.Proof[] memory p = post(ws);
        bytes32[] memory sib = new bytes32[](2);
        sib[0] = s0;
        sib[1] = s1;
        IVaultTypes.Withdrawal memory w = withdrawal(address(0), ATTACKER, bound(amount, 1, 10 ether));
        try vault.claim(w, IVaultTypes.Proof(root, index, sib)) {
            revert("paid a forged claim");
        } catch {}
        try vault.claim(w, IVaultTypes.Proof(p[0].root, bound(index, 0, 3), sib)) {
            revert("paid a forged claim");
        } catch {}
        vm.assertEq(ATTACKER.balance, 0);
    }

    function testFuzz_claimManyPaysEachOnce(uint8 nRaw, uint256 seed) public {
        uint256 n = bound(nRaw, 1, 24);
        depositEth(1_000 ether);
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](n);
        uint256 total;
        for (uint256 i = 0; i < n; ++i) {
            uint256 amount = bound(uint256(keccak256(abi.encode(seed, i))), 1, 10 ether);
            ws[i] = withdrawal(address(0), address(uint160(0x9000 + i)), amount);
            total += amount;
        }
        IVaultTypes.Proof[] memory p = post(ws);
        vault.claimMany(ws, p);
        uint256 paid;
        for (uint256 i = 0; i < n; ++i) {
            paid += address(uint160(0x9000 + i)).balance;
            vm.assertTrue(vault.isClaimed(ws[i].nonce));
        }
        vm.assertEq(paid, total);
        vm.assertEq(address(vault).balance, 1_000 ether - total);
        // the same batch again: every withdrawal is skipped, nothing moves
        vault.claimMany(ws, p);
        vm.assertEq(address(vault).balance, 1_000 ether - total);
    }
}
