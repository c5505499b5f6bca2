// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {BridgeVault} from "../src/BridgeVault.sol";
import {IVaultErrors} from "../src/vault/IVaultErrors.sol";
import {IVaultTypes} from "../src/vault/IVaultTypes.sol";
import {OutflowLimit} from "../src/OutflowLimit.sol";

/// issue 9 item 3: the outflow limit holds over every window of one period.
contract RateLimitTest is VaultFixture {
    address internal constant THIEF = address(0x7417ef);

    /// The library against a brute-force model: whatever the period, limit, amounts and gaps,
    /// every accepted outflow leaves the window (t - period, t] within the limit.
    function testFuzz_outflowLimitIsExactOverEveryWindow(uint256 seed, uint256 periodRaw, uint256 limitRaw)
        public
        pure
    {
        uint256 period = bound(periodRaw, 1, 10 days);
        uint256 limit = bound(limitRaw, 1, type(uint96).max);
        OutflowLimit.Flow memory f;
        f.locked = type(uint128).max;
        uint256[] memory at = new uint256[](60);
        uint256[] memory amount = new uint256[](60);
        uint256 accepted;
        uint256 t = 1_700_000_000;
        for (uint256 i = 0; i < 60; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            // gaps from 0 to 1.6 periods, amounts from 1 to the whole limit
            t += bound(r, 0, (period * 8) / 5);
            uint256 a = bound(r >> 128, 1, limit);
            uint256 slot = OutflowLimit.slotOf(period, t);
            OutflowLimit.roll(f, slot);
            if (a > OutflowLimit.available(f, limit)) continue;
            OutflowLimit.record(f, a);
            at[accepted] = t;
            amount[accepted] = a;
            ++accepted;
            uint256 inWindow;
            for (uint256 k = 0; k < accepted; ++k) {
                if (at[k] + period > t) inWindow += amount[k];
            }
            require(inWindow <= limit, "more than the limit left within one period");
        }
        // and the limit comes back: after one and a half periods of quiet, the whole limit fits
        t += period + (period + 1) / 2 + 1;
        OutflowLimit.roll(f, OutflowLimit.slotOf(period, t));
        require(OutflowLimit.available(f, limit) == limit, "the limit never came back");
    }

    /// At every offset inside a period: after the whole limit left, not one more wei leaves until
    /// a full period has passed (an anchored window or a token bucket would let a second limit's
    /// worth out right after a boundary).
    function testExploitRateLimit_twiceTheLimitNeverLeavesAroundABoundary() public {
        depositEth(7_000 ether);
        for (uint256 k = 0; k < 6; ++k) {
            uint256 offset = (k * PERIOD) / 6 + k;
            IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](11);
            for (uint256 i = 0; i < 11; ++i) {
                ws[i] = withdrawal(address(0), THIEF, DELAY_THRESHOLD);
            }
            IVaultTypes.Proof[] memory p = post(ws);
            // start each round with the whole limit free
            vm.warp(block.timestamp + 2 * PERIOD + offset);
            uint256 start = block.timestamp;
            uint256 before = THIEF.balance;
            for (uint256 i = 0; i < 10; ++i) {
                vault.claim(ws[i], p[i]);
            }
            vm.assertEq(THIEF.balance - before, PERIOD_LIMIT);
            uint256[4] memory later = [uint256(1), PERIOD / 2, PERIOD - 1, PERIOD];
            for (uint256 j = 0; j < 4; ++j) {
                vm.warp(start + later[j]);
                vm.expectRevert(
                    abi.encodeWithSelector(IVaultErrors.PeriodLimitExceeded.selector, address(0), DELAY_THRESHOLD, 0)
                );
                vault.claim(ws[10], p[10]);
            }
            vm.assertEq(vault.tokenFlow(address(0)).available, 0);
            vm.warp(start + PERIOD + PERIOD / 2);
            vault.claim(ws[10], p[10]);
            vm.assertEq(THIEF.balance - before, PERIOD_LIMIT + DELAY_THRESHOLD);
        }
    }

    /// Splitting a large withdrawal into pieces under the delay threshold gains nothing: every
    /// piece waits out the same challenge period (inside which a pauser revokes the whole root),
    /// and the pieces together are held to the same period limit as one large withdrawal.
    function testExploitRateLimit_splittingUnderTheDelayThresholdGainsNothing() public {
        depositEth(5_000 ether);
        uint256 posted = block.timestamp;
        IVaultTypes.Withdrawal[] memory pieces = new IVaultTypes.Withdrawal[](20);
        for (uint256 i = 0; i < 20; ++i) {
            pieces[i] = withdrawal(address(0), THIEF, DELAY_THRESHOLD); // 20 x 100 ETH, none "large"
        }
        IVaultTypes.Proof[] memory p = postRoot(pieces);
        for (uint256 i = 0; i < 20; i += 7) {
            vm.expectRevert(
                abi.encodeWithSelector(IVaultErrors.WithdrawalDelayed.selector, pieces[i].nonce, posted + CHALLENGE)
            );
            vault.claim(pieces[i], p[i]);
        }
        vm.expectRevert(
            abi.encodeWithSelector(IVaultErrors.WithdrawalDelayed.selector, pieces[0].nonce, posted + CHALLENGE)
        );
        vault.claimMany(pieces, p);
        // the pieces together: no more than the limit per window
        vm.warp(posted + CHALLENGE);
        for (uint256 i = 0; i < 10; ++i) {
            vault.claim(pieces[i], p[i]);
        }
        vm.expectRevert(
            abi.encodeWithSelector(IVaultErrors.PeriodLimitExceeded.selector, address(0), DELAY_THRESHOLD, 0)
        );
        vault.claim(pieces[10], p[10]);
        vm.assertEq(THIEF.balance, PERIOD_LIMIT);
        // and the same split root posted again is revoked whole inside its window
        IVaultTypes.Withdrawal[] memory again = new IVaultTypes.Withdrawal[](20);
        for (uint256 i = 0; i < 20; ++i) {
            again[i] = withdrawal(address(0), THIEF, DELAY_THRESHOLD);
        }
        IVaultTypes.Proof[] memory q = postRoot(again);
        vm.prank(pauser);
        vault.revokeRoot(q[0].root);
        vm.warp(block.timestamp + 3 * PERIOD);
        vm.expectRevert(abi.encodeWithSelector(IVaultErrors.RootIsRevoked.selector, q[0].root));
        vault.claimMany(again, q);
        vm.assertEq(THIEF.balance, PERIOD_LIMIT);
    }

    /// periodSeconds = 0 (no window, hence no limit) is refused in every configuration.
    function testExploitRateLimit_zeroPeriodRefusedEverywhere() public {
        IVaultTypes.TokenSettings[] memory tokens = new IVaultTypes.TokenSettings[](1);
        bytes memory key = blsPublicKey(GROUP_SK);
        for (uint256 registered = 0; registered < 2; ++registered) {
            tokens[0] = settings(address(0xdead));
            tokens[0].registered = registered == 1;
            tokens[0].periodSeconds = 0;
            vm.expectRevert(IVaultErrors.LimitOutOfRange.selector);
            new BridgeVault(SIDECHAIN_ID, key, 3, 4, bytes32(0), new address[](0), tokens, GOV_DELAY, CHALLENGE);
            bytes memory sig = signTokenConfig(groupSk, 0, tokens[0]);
            vm.expectRevert(IVaultErrors.LimitOutOfRange.selector);
            vault.submitTokenConfig(0, tokens[0], sig);
        }
        vm.assertEq(vault.governanceNonce(), 0);
    }

    /// A period change keeps what is already counted (it never frees the limit early).
    function testExploitRateLimit_periodChangeKeepsCountedOutflow() public {
        depositEth(5_000 ether);
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](11);
        for (uint256 i = 0; i < 11; ++i) {
            ws[i] = withdrawal(address(0), THIEF, DELAY_THRESHOLD);
        }
        IVaultTypes.Proof[] memory p = post(ws);
        for (uint256 i = 0; i < 10; ++i) {
            vault.claim(ws[i], p[i]);
        }
        // a longer period tightens: applied at once, the 1,000 ETH still count
        IVaultTypes.TokenSettings memory s = settings(address(0));
        s.periodSeconds = 2 * PERIOD;
        configure(s);
        vm.assertEq(vault.tokenFlow(address(0)).spentInWindow, PERIOD_LIMIT);
        vm.expectRevert(
            abi.encodeWithSelector(IVaultErrors.PeriodLimitExceeded.selector, address(0), DELAY_THRESHOLD, 0)
        );
        vault.claim(ws[10], p[10]);
        // a shorter period loosens: queued; after it the outflow counts under the new period
        s.periodSeconds = PERIOD / 4;
        configure(s);
        vm.assertEq(vault.tokenSettings(address(0)).periodSeconds, PERIOD / 4);
        vm.assertEq(vault.tokenFlow(address(0)).spentInWindow, PERIOD_LIMIT);
        vm.warp(block.timestamp + (PERIOD / 4) * 2);
        vault.claim(ws[10], p[10]);
        vm.assertEq(THIEF.balance, PERIOD_LIMIT + DELAY_THRESHOLD);
    }
}
