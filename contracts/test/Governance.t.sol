// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {Vm} from "./utils/Vm.sol";
import {BridgeVault} from "../src/BridgeVault.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";

/// issue 9 items 1 and 6: loosening waits in a queue, tightening applies at once, a pause
/// freezes limit changes, an unpause lifts only its own pause.
contract GovernanceTest is VaultFixture {
    address internal constant ALICE = address(0xA1);

    /// Every kind of loosening of a token's settings is queued (nothing changes until the delay
    /// has passed and someone executes it); every tightening applies at once.
    function testExploitGovernance_everyLooseningIsQueued() public {
        IVaultTypes.TokenSettings[6] memory loose;
        for (uint256 i = 0; i < 6; ++i) {
            loose[i] = settings(address(0));
        }
        loose[0].periodLimit = PERIOD_LIMIT + 1; // raise the limit
        loose[1].periodSeconds = PERIOD - 1; // shorten the period
        loose[2].delayThreshold = DELAY_THRESHOLD + 1; // raise the delay threshold
        loose[3].delaySeconds = DELAY - 1; // shorten the delay
        loose[4].registered = false; // deregister (locks depositors out)
        loose[5] = settings(address(0xbeef)); // register a new token
        for (uint256 i = 0; i < 6; ++i) {
            vm.assertFalse(vault.tokenConfigIsTightening(loose[i]));
            IVaultTypes.TokenSettings memory before = vault.tokenSettings(loose[i].token);
            uint256 nonce = vault.governanceNonce();
            bytes32 id = vault.submitTokenConfig(nonce, loose[i], signTokenConfig(groupSk, nonce, loose[i]));
            IVaultTypes.Operation memory op = vault.operation(id);
            vm.assertEq(uint256(op.state), uint256(IVaultTypes.OperationState.Queued));
            vm.assertEq(uint256(op.kind), uint256(IVaultTypes.OperationKind.TokenConfig));
            vm.assertEq(op.readyAt, block.timestamp + GOV_DELAY);
            vm.assertEq(keccak256(abi.encode(vault.tokenSettings(loose[i].token))), keccak256(abi.encode(before)));
            vm.expectRevert(abi.encodeWithSelector(IVaultErrors.OperationNotReady.selector, id, op.readyAt));
            vault.executeTokenConfig(nonce, loose[i]);
        }
        IVaultTypes.TokenSettings[4] memory tight;
        for (uint256 i = 0; i < 4; ++i) {
            tight[i] = settings(address(token));
        }
        tight[0].periodLimit = PERIOD_LIMIT - 1;
        tight[1].periodSeconds = PERIOD + 1;
        tight[2].delayThreshold = DELAY_THRESHOLD - 1;
        tight[3].delaySeconds = DELAY + 1;
        for (uint256 i = 0; i < 4; ++i) {
            tight[i].periodLimit = i == 0 ? tight[0].periodLimit : vault.tokenSettings(address(token)).periodLimit;
            vm.assertTrue(vault.tokenConfigIsTightening(tight[i]));
            uint256 nonce = vault.governanceNonce();
            bytes32 id = vault.submitTokenConfig(nonce, tight[i], signTokenConfig(groupSk, nonce, tight[i]));
            vm.assertEq(uint256(vault.operation(id).state), uint256(IVaultTypes.OperationState.None));
            vm.assertEq(keccak256(abi.encode(vault.tokenSettings(address(token)))), keccak256(abi.encode(tight[i])));
            if (i < 3) tight[i + 1] = _merge(tight[i + 1], tight[i]);
        }
    }

    /// A pause freezes queued limit changes: the delay passes, the change still cannot execute.
    function testExploitGovernance_pauseFreezesQueuedLimitChanges() public {
        IVaultTypes.TokenSettings memory loose = settings(address(0));
        loose.periodLimit = 100 * PERIOD_LIMIT;
        uint256 nonce = vault.governanceNonce();
        vault.submitTokenConfig(nonce, loose, signTokenConfig(groupSk, nonce, loose));
        vm.prank(pauser);
        vault.pause();
        vm.warp(block.timestamp + 10 * GOV_DELAY);
        vm.expectRevert(IVaultErrors.Paused.selector);
        vault.executeTokenConfig(nonce, loose);
        vm.assertEq(vault.tokenSettings(address(0)).periodLimit, PERIOD_LIMIT);
        // while paused, pausers can still cancel it
        bytes32 id = vault.tokenConfigDigest(nonce, loose);
        vm.prank(pauser);
        vault.cancelOperation(id);
        unpauseNow();
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, id));
        vault.executeTokenConfig(nonce, loose);
    }

    /// The queued operation is announced with everything needed to check and replay it.
    function test_queuedOperationIsAnnouncedWithItsPayload() public {
        IVaultTypes.TokenSettings memory loose = settings(address(0));
        loose.periodLimit = 2 * PERIOD_LIMIT;
        uint256 nonce = vault.governanceNonce();
        vm.recordLogs();
        bytes32 id = vault.submitTokenConfig(nonce, loose, signTokenConfig(groupSk, nonce, loose));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        vm.assertEq(logs.length, 1);
        vm.assertEq(logs[0].topics[0], keccak256("OperationQueued(bytes32,uint8,uint256,bytes)"));
        vm.assertEq(logs[0].topics[1], id);
        vm.assertEq(uint256(logs[0].topics[2]), uint256(IVaultTypes.OperationKind.TokenConfig));
        (uint256 readyAt, bytes memory payload) = abi.decode(logs[0].data, (uint256, bytes));
        vm.assertEq(readyAt, block.timestamp + GOV_DELAY);
        (uint256 n, IVaultTypes.TokenSettings memory s) = abi.decode(payload, (uint256, IVaultTypes.TokenSettings));
        vm.assertEq(n, nonce);
        vm.assertEq(keccak256(abi.encode(s)), keccak256(abi.encode(loose)));
        vm.assertEq(id, vault.tokenConfigDigest(nonce, loose));
        vm.warp(readyAt);
        vault.executeTokenConfig(n, s);
        vm.assertEq(uint256(vault.operation(id).state), uint256(IVaultTypes.OperationState.Executed));
        vm.assertEq(vault.tokenSettings(address(0)).periodLimit, 2 * PERIOD_LIMIT);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, id));
        vault.executeTokenConfig(n, s);
    }

    /// issue 9 item 6: two unpause certificates made for pause 1; the first lifts it; after a new
    /// pause the second cannot lift pause 2. A certificate for another pause count is refused.
    function testExploitUnpause_liftsOnlyThePauseItWasMadeFor() public {
        depositEth(10 ether);
        vm.prank(pauser);
        vault.pause();
        IVaultTypes.Unpause memory first = currentUnpause();
        vault.submitUnpause(first, signUnpause(groupSk, first));
        IVaultTypes.Unpause memory second = currentUnpause();
        vm.assertEq(second.pauseCount, 1);
        vault.submitUnpause(second, signUnpause(groupSk, second));
        vm.warp(block.timestamp + GOV_DELAY);
        vault.executeUnpause(first);
        vm.assertFalse(vault.paused());
        vm.prank(pauser);
        vault.pause();
        vm.assertEq(vault.pauseCount(), 2);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.WrongPauseCount.selector, 2, 1));
        vault.executeUnpause(second);
        vm.assertTrue(vault.paused());
        // a certificate for a pause that has not happened (or has passed) is refused up front
        IVaultTypes.Unpause memory future = IVaultTypes.Unpause(vault.governanceNonce(), 3);
        bytes memory sig = signUnpause(groupSk, future);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.WrongPauseCount.selector, 2, 3));
        vault.submitUnpause(future, sig);
        // and no unpause can be queued while not paused
        unpauseNow();
        IVaultTypes.Unpause memory idle = IVaultTypes.Unpause(vault.governanceNonce(), 2);
        bytes memory idleSig = signUnpause(groupSk, idle);
        vm.expectRevert(IVaultErrors.NotPaused.selector);
        vault.submitUnpause(idle, idleSig);
        vm.prank(pauser);
        vault.pause();
        vm.prank(pauser);
        vm.expectRevert(IVaultErrors.AlreadyPaused.selector);
        vault.pause();
    }

    /// Zero or oversized delays would switch the timelock or the challenge period off.
    function testExploitGovernance_constructorRefusesZeroDelays() public {
        bytes memory key = blsPublicKey(GROUP_SK);
        address[] memory none = new address[](0);
        IVaultTypes.TokenSettings[] memory tokens = defaultTokens();
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidDelay.selector, 0));
        new BridgeVault(SIDECHAIN_ID, key, 3, 4, bytes32(0), none, tokens, 0, CHALLENGE);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidDelay.selector, 0));
        new BridgeVault(SIDECHAIN_ID, key, 3, 4, bytes32(0), none, tokens, GOV_DELAY, 0);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.InvalidDelay.selector, uint256(1) << 24));
        new BridgeVault(SIDECHAIN_ID, key, 3, 4, bytes32(0), none, tokens, uint256(1) << 24, CHALLENGE);
        address[] memory zero = new address[](1);
        vm.expectRevert(IVaultErrors.ZeroAddress.selector);
        new BridgeVault(SIDECHAIN_ID, key, 3, 4, bytes32(0), zero, tokens, GOV_DELAY, CHALLENGE);
        BridgeVault v = new BridgeVault(SIDECHAIN_ID, key, 3, 4, bytes32(0), none, tokens, GOV_DELAY, CHALLENGE);
        vm.assertEq(v.governanceDelay(), GOV_DELAY);
        vm.assertEq(v.challengePeriod(), CHALLENGE);
    }

    /// A rotation queued by the current key can be cancelled by a pauser and then never runs; the
    /// rotation's new key is checked when it is submitted, not only when it executes.
    function testExploitGovernance_rotationIsQueuedAndCancellable() public {
        IVaultTypes.EpochChange memory c = epochChange(0xbeef, 3, 4);
        bytes32 id = vault.submitEpochChange(c, signEpochChange(groupSk, c));
        vm.assertEq(vault.currentEpoch(), 0);
        vm.warp(block.timestamp + GOV_DELAY - 1);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.OperationNotReady.selector, id, block.timestamp + 1));
        vault.executeEpochChange(c);
        vm.prank(pauser);
        vault.cancelOperation(id);
        vm.assertEq(uint256(vault.operation(id).state), uint256(IVaultTypes.OperationState.Cancelled));
        vm.warp(block.timestamp + 1);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, id));
        vault.executeEpochChange(c);
        vm.assertEq(vault.currentEpoch(), 0);
        // cancelling twice, or something never queued, is refused
        vm.prank(pauser);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.UnknownOperation.selector, id));
        vault.cancelOperation(id);
    }

    function _merge(IVaultTypes.TokenSettings memory next, IVaultTypes.TokenSettings memory prev)
        internal
        pure
        returns (IVaultTypes.TokenSettings memory)
    {
        // carry the previous tightenings so each step only tightens one more field
        if (next.periodSeconds == PERIOD) next.periodSeconds = prev.periodSeconds;
        if (next.delayThreshold == DELAY_THRESHOLD) next.delayThreshold = prev.delayThreshold;
        if (next.delaySeconds == DELAY) next.delaySeconds = prev.delaySeconds;
        next.periodLimit = prev.periodLimit;
        return next;
    }
}
