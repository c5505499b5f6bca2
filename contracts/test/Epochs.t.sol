// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {BridgeVault} from "../src/BridgeVault.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";
import {BridgeEncoding} from "../src/BridgeEncoding.sol";
import {BLS} from "../src/BLS.sol";

/// The federation's key and threshold: a sound epoch 0 at construction, rotations only by an
/// EpochChange certificate of the current epoch, t ≥ ⌊2n/3⌋+1 always (threats.md rows 3, 4, 6).
contract EpochsTest is VaultFixture {
    address internal constant ALICE = address(0xA1);

    function testExploitRow3_constructorRefusesBadEpochZero() public {
        address[] memory pausers = new address[](0);
        IVaultTypes.TokenSettings[] memory tokens = new IVaultTypes.TokenSettings[](0);
        bytes memory key = blsPublicKey(GROUP_SK);
        vm.expectRevert(BLS.BlsPointAtInfinity.selector);
        new BridgeVault(SIDECHAIN_ID, new bytes(256), 3, 4, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
        vm.expectRevert(abi.encodeWithSelector(BLS.BlsInvalidLength.selector, 0, 256));
        new BridgeVault(SIDECHAIN_ID, "", 3, 4, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidThreshold.selector, 0, 4));
        new BridgeVault(SIDECHAIN_ID, key, 0, 4, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidThreshold.selector, 5, 4));
        new BridgeVault(SIDECHAIN_ID, key, 5, 4, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidThreshold.selector, 0, 0));
        new BridgeVault(SIDECHAIN_ID, key, 0, 0, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
        vm.expectRevert(IVaultErrors.ZeroSidechainId.selector);
        new BridgeVault(0, key, 3, 4, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
    }

    /// Row 4 on the contract side: threshold below ⌊2n/3⌋+1 is refused (Harmony).
    function testExploitRow3_thresholdBelowTwoThirdsRefused() public {
        address[] memory pausers = new address[](0);
        IVaultTypes.TokenSettings[] memory tokens = new IVaultTypes.TokenSettings[](0);
        bytes memory key = blsPublicKey(GROUP_SK);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidThreshold.selector, 2, 5));
        new BridgeVault(SIDECHAIN_ID, key, 2, 5, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidThreshold.selector, 12, 19));
        new BridgeVault(SIDECHAIN_ID, key, 12, 19, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
        new BridgeVault(SIDECHAIN_ID, key, 13, 19, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
    }

    function testExploitRow3_noInitializerToCallOrRepeat() public {
        (bool ok,) = address(vault).call(abi.encodeWithSignature("initialize(bytes,uint256,uint256)", "", 1, 1));
        vm.assertFalse(ok);
        (ok,) = address(vault).call(abi.encodeWithSignature("initialize()"));
        vm.assertFalse(ok);
        vm.assertEq(vault.currentEpoch(), 0);
    }

    /// Rows 3/4: the constructor accepts exactly ⌊2n/3⌋+1 ≤ t ≤ n, n ≥ 1.
    function testFuzz_thresholdRule(uint256 t, uint256 n) public {
        n = bound(n, 0, 300);
        t = bound(t, 0, n + 2);
        address[] memory pausers = new address[](0);
        IVaultTypes.TokenSettings[] memory tokens = new IVaultTypes.TokenSettings[](0);
        bytes memory key = blsPublicKey(GROUP_SK);
        bool valid = n >= 1 && t <= n && t >= (2 * n) / 3 + 1;
        if (!valid) {
            vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidThreshold.selector, t, n));
        }
        new BridgeVault(SIDECHAIN_ID, key, t, n, bytes32(0), pausers, tokens, GOV_DELAY, CHALLENGE);
    }

    function test_rootsStayClaimableAfterEpochChange() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(0), ALICE, 1 ether));
        IVaultTypes.Proof[] memory p = post(ws);
        rotate(0xfeed, 3, 4);
        rotate(0xf00d, 5, 7);
        vm.assertEq(vault.currentEpoch(), 2);
        vault.claim(ws[0], p[0]);
        vm.assertEq(ALICE.balance, 1 ether);
        (bytes memory key, uint256 t, uint256 n,) = vault.epochInfo(2);
        vm.assertEq(key, blsPublicKey(0xf00d));
        vm.assertEq(t, 5);
        vm.assertEq(n, 7);
    }

    function testExploitRow3_rotationToBadKeyOrThresholdRefused() public {
        _expectRotationRevert(new bytes(256), 3, 4, abi.encodeWithSelector(BLS.BlsPointAtInfinity.selector));
        _expectRotationRevert(
            blsPublicKey(9), 0, 4, abi.encodeWithSelector(IVaultErrors.InvalidThreshold.selector, 0, 4)
        );
        _expectRotationRevert(
            blsPublicKey(9), 5, 4, abi.encodeWithSelector(IVaultErrors.InvalidThreshold.selector, 5, 4)
        );
        _expectRotationRevert(
            blsPublicKey(9), 2, 4, abi.encodeWithSelector(IVaultErrors.InvalidThreshold.selector, 2, 4)
        );
        bytes memory offSubgroup = vm.parseJsonBytes(vm.readFile("test/fixtures/bls.json"), ".offSubgroupG2");
        _expectRotationRevert(
            offSubgroup, 3, 4, abi.encodeWithSelector(BLS.BlsPrecompileFailed.selector, address(0x0e))
        );
    }

    function testExploitRow6_otherMessageTypesCannotChangeGroupKey() public {
        IVaultTypes.EpochChange memory c = IVaultTypes.EpochChange(1, blsPublicKey(0xbad), 3, 4, keccak256("m"));
        // a certificate for a WithdrawalBatch whose fields mimic the change
        bytes32 wDigest = BridgeEncoding.withdrawalBatchDigest(domain(vault), 1, keccak256(c.groupKey), 3);
        bytes memory wSig = blsSign(groupSk, wDigest);
        bytes memory tSig = signTokenConfig(groupSk, 0, settings(address(token)));
        bytes memory uSig = signUnpause(groupSk, IVaultTypes.Unpause(0, 0));
        bytes32 eDigest = BridgeEncoding.epochChangeDigest(domain(vault), 1, c.groupKey, 3, 4, c.membersHash);
        bytes memory eSig = blsSign(groupSk, eDigest);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitEpochChange(c, wSig);
        // a TokenConfig and an Unpause certificate
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitEpochChange(c, tSig);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitEpochChange(c, uSig);
        // nor a RootRevocation certificate over the key's hash
        bytes memory rSig = signRevocation(groupSk, keccak256(c.groupKey));
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitEpochChange(c, rSig);
        // an EpochChange certificate cannot be posted as a withdrawal root either
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.postWithdrawalRoot(IVaultTypes.WithdrawalBatch(1, keccak256(c.groupKey), 3), eSig);
        vm.assertEq(vault.currentEpoch(), 0);
    }

    function testExploitReplay_epochChangeReplayRefused() public {
        IVaultTypes.EpochChange memory c = IVaultTypes.EpochChange(1, blsPublicKey(0xabc), 3, 4, keccak256("m"));
        bytes memory sig =
            blsSign(groupSk, BridgeEncoding.epochChangeDigest(domain(vault), 1, c.groupKey, 3, 4, c.membersHash));
        bytes32 id = vault.submitEpochChange(c, sig);
        // queued once: the same certificate again is refused
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.OperationExists.selector, id));
        vault.submitEpochChange(c, sig);
        vm.warp(block.timestamp + GOV_DELAY);
        vault.executeEpochChange(c);
        // executed once (under the new epoch its id is another digest, never queued)
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, vault.epochChangeDigest(c)));
        vault.executeEpochChange(c);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.WrongEpoch.selector, 2, 1));
        vault.submitEpochChange(c, sig);
        c.newEpoch = 2;
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitEpochChange(c, sig);
    }

    /// The federation can rotate while paused (recovery), and the new epoch unpauses.
    function test_rotateWhilePausedThenNewEpochUnpauses() public {
        vm.prank(pauser);
        vault.pause();
        rotate(0xc0ffee, 3, 4);
        IVaultTypes.Unpause memory u = currentUnpause();
        bytes memory oldSig = signUnpause(GROUP_SK, u);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitUnpause(u, oldSig);
        unpauseNow();
        vm.assertFalse(vault.paused());
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.WrongEpoch.selector, 1, 5));
        vault.epochInfo(5);
    }

    function _expectRotationRevert(bytes memory key, uint256 t, uint256 n, bytes memory err) internal {
        IVaultTypes.EpochChange memory c = IVaultTypes.EpochChange(1, key, t, n, bytes32(0));
        bytes memory sig = blsSign(groupSk, BridgeEncoding.epochChangeDigest(domain(vault), 1, key, t, n, bytes32(0)));
        vm.expectRevert(err);
        vault.submitEpochChange(c, sig);
    }
}
