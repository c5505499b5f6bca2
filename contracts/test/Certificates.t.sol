// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {BridgeVault} from "../src/BridgeVault.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";
import {BridgeEncoding} from "../src/BridgeEncoding.sol";
import {BLS} from "../src/BLS.sol";

/// Only a threshold certificate of the current epoch, for this chain and deployment, posts a root:
/// malformed or partial signatures, old keys and replays are refused (threats.md rows 2, 3, 10, 11).
contract CertificatesTest is VaultFixture {
    address internal constant ALICE = address(0xA1);

    function testExploitRow2_badCertificatesRefusedByVault() public {
        IVaultTypes.WithdrawalBatch memory b = batchOf(one(withdrawal(address(0), ALICE, 1 ether)));
        vm.expectRevert(BLS.BlsPointAtInfinity.selector);
        vault.postWithdrawalRoot(b, new bytes(128));
        vm.expectRevert(abi.encodeWithSelector(BLS.BlsInvalidLength.selector, 0, 128));
        vault.postWithdrawalRoot(b, "");
        bytes memory sig = signBatch(vault, groupSk, b);
        sig[127] = bytes1(uint8(sig[127]) ^ 0x01);
        vm.expectRevert(abi.encodeWithSelector(BLS.BlsPrecompileFailed.selector, address(0x0f)));
        vault.postWithdrawalRoot(b, sig);
        bytes memory otherKeySig = signBatch(vault, GROUP_SK + 1, b);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.postWithdrawalRoot(b, otherKeySig);
        vm.assertEq(vault.rootStatus(b.root).count, 0);
    }

    function testExploitRow3_zeroRootAndZeroCountRefused() public {
        IVaultTypes.WithdrawalBatch memory b = IVaultTypes.WithdrawalBatch(1, bytes32(0), 1);
        bytes memory sig = signBatch(vault, groupSk, b);
        vm.expectRevert(IVaultErrors.ZeroRoot.selector);
        vault.postWithdrawalRoot(b, sig);
        b = IVaultTypes.WithdrawalBatch(1, keccak256("r"), 0);
        sig = signBatch(vault, groupSk, b);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidCount.selector, 0));
        vault.postWithdrawalRoot(b, sig);
        // Nomad: claiming against the zero root (never posted) fails
        IVaultTypes.Withdrawal memory w = withdrawal(address(0), ALICE, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownRoot.selector, bytes32(0)));
        vault.claim(w, IVaultTypes.Proof(bytes32(0), 0, new bytes32[](0)));
    }

    /// Row 10: a single Shamir share (and t-1 combined shares) cannot certify for a t-of-n key.
    function testExploitRow10_fewerThanThresholdSignersRefused() public {
        uint256[] memory coeffs = new uint256[](3); // t = 3
        coeffs[0] = 0x1234567;
        coeffs[1] = 0xabcdef;
        coeffs[2] = 0x777;
        BridgeVault v = _vaultWithKey(coeffs[0], 3, 4);
        IVaultTypes.WithdrawalBatch memory b = batchOf(one(withdrawal(address(0), ALICE, 1 ether)));
        bytes32 digest = BridgeEncoding.withdrawalBatchDigest(domain(v), b.batchId, b.root, b.count);
        // one share's partial signature
        bytes memory s1 = blsSign(shamir(coeffs, 1), digest);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        v.postWithdrawalRoot(b, s1);
        // two shares (t-1) combined with their Lagrange coefficients for {1,2}: λ1 = 2, λ2 = -1
        bytes memory s2 = blsSign(shamir(coeffs, 2), digest);
        bytes memory combined = g1Add(g1Mul(s1, 2), g1Mul(s2, R - 1));
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        v.postWithdrawalRoot(b, combined);
        // three shares (t) combine into the group signature: λ = (3, -3, 1) for {1,2,3}
        bytes memory s3 = blsSign(shamir(coeffs, 3), digest);
        bytes memory full = g1Add(g1Add(g1Mul(s1, 3), g1Mul(s2, R - 3)), s3);
        v.postWithdrawalRoot(b, full);
    }

    /// Row 10 after an epoch change: the old epoch's key no longer certifies anything.
    function testExploitRow10_oldEpochKeyRefusedAfterRotation() public {
        uint256 oldSk = groupSk;
        rotate(0xbeef, 3, 4);
        IVaultTypes.WithdrawalBatch memory b = batchOf(one(withdrawal(address(0), ALICE, 1 ether)));
        bytes memory oldSig = signBatch(vault, oldSk, b);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.postWithdrawalRoot(b, oldSig);
        bytes memory newSig = signBatch(vault, 0xbeef, b);
        vault.postWithdrawalRoot(b, newSig);
    }

    function testExploitReplay_sameCertificateTwice() public {
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(0), ALICE, 1 ether));
        IVaultTypes.WithdrawalBatch memory b = batchOf(ws);
        bytes memory sig = signBatch(vault, groupSk, b);
        vault.postWithdrawalRoot(b, sig);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RootAlreadyPosted.selector, b.root));
        vault.postWithdrawalRoot(b, sig);
    }

    function testExploitReplay_otherChainIdRefused() public {
        IVaultTypes.WithdrawalBatch memory b = batchOf(one(withdrawal(address(0), ALICE, 1 ether)));
        bytes memory sig = signBatch(vault, groupSk, b);
        vm.chainId(1);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.postWithdrawalRoot(b, sig);
    }

    function testExploitReplay_otherDeploymentRefused() public {
        BridgeVault other = deployVault(GROUP_SK);
        IVaultTypes.WithdrawalBatch memory b = batchOf(one(withdrawal(address(0), ALICE, 1 ether)));
        bytes memory sig = signBatch(other, groupSk, b);
        other.postWithdrawalRoot(b, sig);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.postWithdrawalRoot(b, sig);
    }

    function testExploitReplay_otherEpochRefused() public {
        IVaultTypes.WithdrawalBatch memory b = batchOf(one(withdrawal(address(0), ALICE, 1 ether)));
        bytes memory oldSig = signBatch(vault, groupSk, b);
        rotate(GROUP_SK, 3, 4); // same key, new epoch: the old certificate must still fail
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.postWithdrawalRoot(b, oldSig);
        vault.postWithdrawalRoot(b, signBatch(vault, groupSk, b));
    }

    function _vaultWithKey(uint256 sk, uint256 t, uint256 n) internal returns (BridgeVault) {
        address[] memory pausers = new address[](0);
        return new BridgeVault(
            SIDECHAIN_ID, blsPublicKey(sk), t, n, bytes32(0), pausers, defaultTokens(), GOV_DELAY, CHALLENGE
        );
    }
}
