// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {BridgeVault} from "../src/BridgeVault.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";
import {BridgeEncoding} from "../src/BridgeEncoding.sol";
import {MockERC20} from "./mocks/Tokens.sol";

/// Who may change what: token settings and pausers change only by federation certificate, no single
/// key or role is an admin, and every entry point refuses a caller without a certificate or role
/// (threats.md rows 12, 13).
contract PermissionsTest is VaultFixture {
    address internal constant ALICE = address(0xA1);
    address internal constant ATTACKER = address(0xBAD);

    function test_configureTokenWithCertificate() public {
        MockERC20 t2 = new MockERC20("T2");
        IVaultTypes.TokenSettings memory s = settings(address(t2));
        bytes memory sig0 = signTokenConfig(groupSk, 0, s);
        // registering loosens (a new token, limits above zero): queued
        bytes32 id = vault.submitTokenConfig(0, s, sig0);
        vm.assertFalse(vault.tokenSettings(address(t2)).registered);
        vm.assertEq(vault.governanceNonce(), 1);
        // replay of the same certificate fails: nonce moved on
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.WrongGovernanceNonce.selector, 1, 0));
        vault.submitTokenConfig(0, s, sig0);
        vm.expectRevert(
            abi.encodeWithSelector(IVaultErrors.OperationNotReady.selector, id, block.timestamp + GOV_DELAY)
        );
        vault.executeTokenConfig(0, s);
        vm.warp(block.timestamp + GOV_DELAY);
        vault.executeTokenConfig(0, s);
        vm.assertTrue(vault.tokenSettings(address(t2)).registered);
        // deregistration stops deposits (also queued: it locks depositors out)
        s.registered = false;
        configure(s);
        t2.mint(user, 1 ether);
        vm.startPrank(user);
        t2.approve(address(vault), 1 ether);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.TokenNotRegistered.selector, address(t2)));
        vault.deposit(address(t2), 1 ether, ALICE);
        vm.stopPrank();
    }

    function test_configureTokenRangeChecks() public {
        IVaultTypes.TokenSettings memory s = settings(address(token));
        s.periodLimit = uint256(type(uint96).max) + 1;
        bytes memory sig = signTokenConfig(groupSk, 0, s);
        vm.expectRevert(IVaultErrors.LimitOutOfRange.selector);
        vault.submitTokenConfig(0, s, sig);
        // periodSeconds 0 is refused in every configuration, registered or not (issue 9 item 3)
        for (uint256 registered = 0; registered < 2; ++registered) {
            s = settings(address(token));
            s.registered = registered == 1;
            s.periodSeconds = 0;
            sig = signTokenConfig(groupSk, 0, s);
            vm.expectRevert(IVaultErrors.LimitOutOfRange.selector);
            vault.submitTokenConfig(0, s, sig);
        }
        IVaultTypes.TokenSettings[] memory tokens = new IVaultTypes.TokenSettings[](1);
        tokens[0] = settings(address(0xdead));
        tokens[0].registered = false;
        tokens[0].periodSeconds = 0;
        bytes memory key = blsPublicKey(GROUP_SK);
        vm.expectRevert(IVaultErrors.LimitOutOfRange.selector);
        new BridgeVault(SIDECHAIN_ID, key, 3, 4, bytes32(0), new address[](0), tokens, GOV_DELAY, CHALLENGE);
        vm.assertEq(vault.governanceNonce(), 0);
    }

    function test_pauserUpdateWithCertificate() public {
        IVaultTypes.PauserUpdate memory u = IVaultTypes.PauserUpdate(0, ALICE, true);
        bytes memory sig = blsSign(groupSk, BridgeEncoding.pauserUpdateDigest(domain(vault), 0, ALICE, true));
        // adding a pauser tightens: at once; its veto follows after the governance delay
        vault.submitPauserUpdate(u, sig);
        vm.assertTrue(vault.isPauser(ALICE));
        vm.assertEq(vault.vetoActiveFrom(ALICE), block.timestamp + GOV_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.WrongGovernanceNonce.selector, 1, 0));
        vault.submitPauserUpdate(u, sig);
        vm.prank(ALICE);
        vault.pause();
        vm.assertTrue(vault.paused());
        vm.assertEq(vault.pauseCount(), 1);
    }

    function testExploitRow12_noSingleKeyChangesVerifierOrLimits() public {
        // an attacker key (any single key that is not the group key) cannot rotate, configure or unpause
        uint256 attackerSk = 0xA77AC;
        IVaultTypes.EpochChange memory c = IVaultTypes.EpochChange(1, blsPublicKey(attackerSk), 1, 1, bytes32(0));
        bytes memory rotSig =
            blsSign(attackerSk, BridgeEncoding.epochChangeDigest(domain(vault), 1, c.groupKey, 1, 1, bytes32(0)));
        IVaultTypes.TokenSettings memory loose =
            IVaultTypes.TokenSettings(address(0), true, type(uint96).max, 1, type(uint96).max, 0);
        bytes memory cfgSig = signTokenConfig(attackerSk, 0, loose);
        vm.startPrank(ATTACKER);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitEpochChange(c, rotSig);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitTokenConfig(0, loose, cfgSig);
        vm.stopPrank();
        // a pauser is not an admin either
        vm.prank(pauser);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitTokenConfig(0, loose, cfgSig);
        vm.assertEq(vault.governanceNonce(), 0);
        vm.assertEq(vault.tokenSettings(address(0)).periodLimit, PERIOD_LIMIT);
    }

    function testExploitRow13_permissionMatrix() public {
        depositEth(10 ether);
        IVaultTypes.Withdrawal[] memory ws = one(withdrawal(address(0), ATTACKER, 1 ether));
        bytes memory junk = blsSign(0xbad, keccak256("junk"));
        IVaultTypes.WithdrawalBatch memory b = batchOf(ws);
        IVaultTypes.EpochChange memory change = IVaultTypes.EpochChange(1, blsPublicKey(0xbad), 1, 1, bytes32(0));
        IVaultTypes.TokenSettings memory cfg = settings(address(0xdead));
        vm.startPrank(ATTACKER);
        // postWithdrawalRoot needs a certificate
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.postWithdrawalRoot(b, junk);
        // claim needs a posted root
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownRoot.selector, b.root));
        vault.claim(ws[0], IVaultTypes.Proof(b.root, 0, new bytes32[](0)));
        // every submit needs a certificate
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitEpochChange(change, junk);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitTokenConfig(0, cfg, junk);
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitPauserUpdate(IVaultTypes.PauserUpdate(0, ATTACKER, true), junk);
        // executes need a queued operation
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, vault.epochChangeDigest(change)));
        vault.executeEpochChange(change);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, vault.tokenConfigDigest(0, cfg)));
        vault.executeTokenConfig(0, cfg);
        IVaultTypes.PauserUpdate memory removal = IVaultTypes.PauserUpdate(0, pauser, false);
        vm.expectRevert(
            abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, vault.pauserUpdateDigest(removal))
        );
        vault.executePauserUpdate(removal);
        // the pauser role: pause, cancel, revoke
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.NotPauser.selector, ATTACKER));
        vault.pause();
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.NotPauser.selector, ATTACKER));
        vault.cancelOperation(bytes32(uint256(1)));
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.NotPauser.selector, ATTACKER));
        vault.revokeRoot(b.root);
        // a revocation needs a certificate of a later epoch than the root's
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownRoot.selector, b.root));
        vault.submitRootRevocation(b.root, junk);
        // nothing is owed to the attacker
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.NothingOwed.selector, ATTACKER, address(0)));
        vault.withdrawOwed(address(0), ATTACKER);
        vm.stopPrank();
        vm.prank(pauser);
        vault.pause();
        vm.startPrank(ATTACKER);
        IVaultTypes.Unpause memory u = currentUnpause();
        vm.expectRevert(IVaultErrors.InvalidSignature.selector);
        vault.submitUnpause(u, junk);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, vault.unpauseDigest(u)));
        vault.executeUnpause(u);
        vm.stopPrank();
        vm.assertEq(address(vault).balance, 10 ether);
        vm.assertEq(ATTACKER.balance, 0);
        vm.assertEq(vault.governanceNonce(), 0);
        vm.assertEq(vault.currentEpoch(), 0);
    }
}
