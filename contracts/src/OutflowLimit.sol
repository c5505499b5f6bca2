// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Exact per-token outflow limit over any window of one period
/// @notice The outflow of a token in **any** window of `period` seconds never exceeds its limit.
///         Time is cut into sub-windows ("slots") of s = ⌈period/2⌉ seconds; a claim fits when
///         it plus everything recorded in its own slot and the two before stays within the limit.
///         Those three slots cover [start(slot − 2), now], at least 2s ≥ period seconds, so every
///         earlier outflow that shares a `period`-long window with the claim is counted: the
///         bound is exact, never twice the limit around a boundary (a window anchored by the
///         first claim after expiry, or a token bucket of capacity L refilling L per period, both
///         let ~2L through one period). The price: an outflow keeps counting for between one and
///         one and a half periods.
/// @dev    `Flow` also carries the token's `locked` balance so that a claim touches two slots.
library OutflowLimit {
    /// @notice Books of one token: what the vault holds for the sidechain, and the last three
    ///         slots' outflow (ring indexed by slot mod 3).
    struct Flow {
        uint128 locked;
        uint32 lastSlot;
        uint96 spent0;
        uint96 spent1;
        uint96 spent2;
    }

    /// @notice Slot length ⌈period/2⌉ (at least 1).
    function slotLength(uint256 period) internal pure returns (uint256 s) {
        s = (period + 1) >> 1;
        if (s == 0) s = 1;
    }

    /// @notice The slot that `timestamp` falls in for `period`.
    function slotOf(uint256 period, uint256 timestamp) internal pure returns (uint256) {
        return timestamp / slotLength(period);
    }

    /// @notice Moves the ring forward to `slot`, forgetting slots older than `slot − 2`. A slot
    ///         before `lastSlot` (only after a period change) changes nothing: what was recorded
    ///         keeps counting, which errs on the safe side.
    function roll(Flow memory f, uint256 slot) internal pure {
        uint256 last = f.lastSlot;
        if (slot <= last) return;
        if (slot - last >= 3) {
            f.spent0 = 0;
            f.spent1 = 0;
            f.spent2 = 0;
        } else {
            for (uint256 k = last + 1; k <= slot; ++k) {
                _set(f, k % 3, 0);
            }
        }
        // SECURITY: timestamps fit 32 bits of slots until 2106 for any slot length ≥ 1.
        f.lastSlot = uint32(slot);
    }

    /// @notice Outflow recorded in the three slots of the ring (call {roll} first).
    function spent(Flow memory f) internal pure returns (uint256) {
        return uint256(f.spent0) + f.spent1 + f.spent2;
    }

    /// @notice What still fits under `limit` now (call {roll} first).
    function available(Flow memory f, uint256 limit) internal pure returns (uint256) {
        uint256 s = spent(f);
        // a limit lowered below what is already recorded leaves 0, never an underflow
        return s >= limit ? 0 : limit - s;
    }

    /// @notice Records `amount` in `slot` (which {roll} made the last slot). The caller has checked
    ///         `amount ≤ available(f, limit)` with `limit < 2^96`, so the slot cannot overflow.
    function record(Flow memory f, uint256 slot, uint256 amount) internal pure {
        uint256 i = slot % 3;
        _set(f, i, _get(f, i) + amount);
    }

    /// @notice Re-expresses the ring for a new period: everything still counted under the old
    ///         period is kept, in the current slot of the new one (it counts again for up to one
    ///         and a half new periods: safe, never less than before).
    function rebase(Flow memory f, uint256 oldPeriod, uint256 newPeriod, uint256 timestamp) internal pure {
        roll(f, slotOf(oldPeriod, timestamp));
        uint256 kept = spent(f);
        uint256 slot = slotOf(newPeriod, timestamp);
        f.spent0 = 0;
        f.spent1 = 0;
        f.spent2 = 0;
        f.lastSlot = uint32(slot);
        // kept ≤ 3 · 2^96; clamp to the slot's width (a limit is < 2^96, so the clamp only ever
        // keeps the ring "full")
        _set(f, slot % 3, kept > type(uint96).max ? type(uint96).max : kept);
    }

    function _get(Flow memory f, uint256 i) private pure returns (uint256) {
        return i == 0 ? f.spent0 : i == 1 ? f.spent1 : f.spent2;
    }

    function _set(Flow memory f, uint256 i, uint256 v) private pure {
        if (i == 0) f.spent0 = uint96(v);
        else if (i == 1) f.spent1 = uint96(v);
        else f.spent2 = uint96(v);
    }
}
