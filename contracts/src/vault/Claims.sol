// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

import {BridgeEncoding} from "../BridgeEncoding.sol";
import {Merkle} from "../Merkle.sol";
import {OutflowLimit} from "../OutflowLimit.sol";
import {TokenRegistry} from "./TokenRegistry.sol";
import {WithdrawalRoots} from "./WithdrawalRoots.sol";

/// @title Claims: withdrawals of posted roots paid once, within the limits, never reverted by a payout
/// @notice Anyone claims; funds go to the withdrawal's recipient. Each claim passes the nullifier,
///         the root's challenge period (longer for large withdrawals), the outflow limit and the
///         token's locked amount. A payout gets capped gas; one that fails becomes a debt the
///         recipient pulls later with {withdrawOwed}, so no recipient or token can sink a batch.
abstract contract Claims is ReentrancyGuardTransient, WithdrawalRoots, TokenRegistry {
    using SafeERC20 for IERC20;
    using BitMaps for BitMaps.BitMap;

    /// @notice Gas given to an ETH recipient; a recipient that needs more is paid through {withdrawOwed}.
    uint256 public constant ETH_PAYOUT_GAS = 30_000;
    /// @notice Gas given to an ERC-20 `transfer` of a payout.
    uint256 public constant TOKEN_PAYOUT_GAS = 100_000;
    /// @dev What a CALL may cost the caller besides the gas it forwards (cold account, value
    ///      transfer, new account) plus bookkeeping after it.
    uint256 private constant PAYOUT_CALL_OVERHEAD = 40_000;

    /// @dev The nullifier: one bit per withdrawal nonce, set once it is paid or owed.
    BitMaps.BitMap private _claimed;
    mapping(address recipient => mapping(address token => uint256)) private _owed;

    /// @notice Pays one withdrawal of a posted root. Anyone may call; funds go to the recipient
    ///         (or are owed to it if the payout fails).
    /// @param withdrawal The leaf contents.
    /// @param proof Root, leaf index and siblings (exactly ceil(log2(count)) of them).
    function claim(Withdrawal calldata withdrawal, Proof calldata proof) external nonReentrant {
        _requireNotPaused();
        if (isClaimed(withdrawal.nonce)) revert AlreadyClaimed(withdrawal.nonce);
        _settle(withdrawal, proof);
        _pay(withdrawal);
    }

    /// @notice Pays several withdrawals (any roots) in one transaction. Withdrawals already
    ///         claimed are skipped; any other failure reverts the whole call.
    /// @param withdrawals The leaves.
    /// @param proofs One proof per leaf, same order.
    function claimMany(Withdrawal[] calldata withdrawals, Proof[] calldata proofs) external nonReentrant {
        _requireNotPaused();
        uint256 n = withdrawals.length;
        if (n == 0) revert EmptyClaim();
        if (n != proofs.length) revert LengthMismatch();
        // SECURITY: checks and effects for every withdrawal first, then all interactions.
        bool[] memory settled = new bool[](n);
        for (uint256 i = 0; i < n; ++i) {
            // a front-run claim of one withdrawal must not sink the batch (issue 9 item 4)
            if (isClaimed(withdrawals[i].nonce)) continue;
            _settle(withdrawals[i], proofs[i]);
            settled[i] = true;
        }
        for (uint256 i = 0; i < n; ++i) {
            if (settled[i]) _pay(withdrawals[i]);
        }
    }

    /// @notice Pays `msg.sender` what the vault owes it in `token` (payouts that failed) to `to`,
    ///         with all the gas the caller gives.
    function withdrawOwed(address token, address to) external nonReentrant {
        _requireNotPaused();
        if (to == address(0) || to == address(this)) revert InvalidRecipient(to);
        uint256 amount = _owed[msg.sender][token];
        if (amount == 0) revert NothingOwed(msg.sender, token);
        _owed[msg.sender][token] = 0;
        _owedTotal[token] -= amount;
        if (token == address(0)) {
            (bool ok,) = to.call{value: amount}("");
            if (!ok) revert EthTransferFailed(to);
        } else {
            IERC20(token).safeTransfer(to, amount);
        }
        emit OwedWithdrawn(msg.sender, token, to, amount);
    }

    /// @notice Whether withdrawal `nonce` was claimed (paid or owed).
    function isClaimed(uint256 nonce) public view returns (bool) {
        return _claimed.get(nonce);
    }

    /// @notice What the vault owes `recipient` in `token` (failed payouts), see {withdrawOwed}.
    function owed(address recipient, address token) external view returns (uint256) {
        return _owed[recipient][token];
    }

    /// @dev Checks a claim and applies its effects (nullifier, delays, limits, accounting).
    function _settle(Withdrawal calldata w, Proof calldata p) private {
        if (w.amount == 0) revert ZeroAmount();
        // SECURITY: paying the vault itself would unbalance the books (locked < balance).
        if (w.recipient == address(0) || w.recipient == address(this)) revert InvalidRecipient(w.recipient);
        RootInfo memory info = _roots[p.root];
        // SECURITY: only roots posted with a valid certificate exist; unknown (incl. zero) roots fail.
        if (info.count == 0) revert UnknownRoot(p.root);
        // SECURITY: a revoked root pays nothing, ever (also after unpause and rotation).
        if (info.revoked) revert RootIsRevoked(p.root);
        bytes32 leaf = BridgeEncoding.withdrawalLeaf(w.nonce, w.token, w.sender, w.recipient, w.amount);
        if (Merkle.computeRoot(leaf, p.index, info.count, p.siblings) != p.root) revert InvalidProof();

        // SECURITY: the withdrawal nonce is the nullifier: each withdrawal is paid at most once.
        _claimed.set(w.nonce);

        TokenLimits memory limits = _limits[w.token];
        // SECURITY: nothing pays inside the challenge period (time for watchers to revoke a root
        // that contradicts the sidechain); large withdrawals may wait longer (threats row 9).
        uint256 readyAt = _readyAt(info.postedAt, limits, w.amount);
        if (block.timestamp < readyAt) revert WithdrawalDelayed(w.nonce, readyAt);

        OutflowLimit.Flow memory flow = _flows[w.token];
        uint256 slot = OutflowLimit.slotOf(limits.periodSeconds, block.timestamp);
        OutflowLimit.roll(flow, slot);
        // SECURITY: outflow over any window of one period stays within the limit (row 9); above
        // it the claim waits for older outflow to leave the window.
        uint256 available = OutflowLimit.available(flow, limits.periodLimit);
        if (w.amount > available) revert PeriodLimitExceeded(w.token, w.amount, available);
        // SECURITY: never pay more of a token than was deposited (an on-chain accountant).
        if (w.amount > flow.locked) revert InsufficientLocked(w.token, w.amount, flow.locked);
        OutflowLimit.record(flow, w.amount);
        flow.locked -= uint128(w.amount);
        _flows[w.token] = flow;
    }

    function _readyAt(uint256 postedAt, TokenLimits memory limits, uint256 amount) private view returns (uint256) {
        uint256 wait = challengePeriod;
        if (amount > limits.delayThreshold && limits.delaySeconds > wait) wait = limits.delaySeconds;
        return postedAt + wait;
    }

    /// @dev Interaction last (checks-effects-interactions). A failing payout is owed, not reverted,
    ///      so one recipient or token cannot sink a batch or lock its own withdrawal forever.
    function _pay(Withdrawal calldata w) private {
        address recipient = w.recipient;
        uint256 amount = w.amount;
        bool ok;
        if (w.token == address(0)) {
            _requireGasFor(ETH_PAYOUT_GAS);
            // SECURITY: capped gas and no return data copied: a recipient can neither burn the
            // batch's gas nor return-bomb it.
            assembly ("memory-safe") {
                ok := call(ETH_PAYOUT_GAS, recipient, amount, 0, 0, 0, 0)
            }
        } else {
            _requireGasFor(TOKEN_PAYOUT_GAS);
            ok = _tryTransfer(w.token, recipient, amount);
        }
        if (ok) {
            emit WithdrawalPaid(w.nonce, w.token, recipient, amount);
        } else {
            _owed[recipient][w.token] += amount;
            _owedTotal[w.token] += amount;
            emit PayoutDeferred(w.nonce, w.token, recipient, amount);
        }
    }

    /// @dev SECURITY: a caller must leave the payout its whole cap (EIP-150 gives a call at most
    ///      63/64 of what is left); otherwise anyone could starve a payout into a debt.
    function _requireGasFor(uint256 cap) private view {
        uint256 needed = cap + cap / 63 + PAYOUT_CALL_OVERHEAD;
        if (gasleft() < needed) revert InsufficientGasForPayout(gasleft(), needed);
    }

    /// @dev SafeERC20's success rule (call succeeded; no return data from a contract, or `true`),
    ///      with capped gas and at most 32 bytes of return data read.
    function _tryTransfer(address token, address to, uint256 amount) private returns (bool ok) {
        bytes memory data = abi.encodeCall(IERC20.transfer, (to, amount));
        assembly ("memory-safe") {
            mstore(0, 0)
            ok := call(TOKEN_PAYOUT_GAS, token, 0, add(data, 32), mload(data), 0, 32)
            switch returndatasize()
            case 0 { ok := and(ok, gt(extcodesize(token), 0)) }
            default { ok := and(ok, and(gt(returndatasize(), 31), eq(mload(0), 1))) }
        }
    }
}
