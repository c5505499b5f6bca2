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
    /// @notice Books of one token: what the vault holds for the sidechain, and the outflow of the
    ///         current slot and the two before. Two storage words, laid out so that a claim in
    ///         the same slot as the last one writes only the first (locked and `current`); the
    ///         second changes only when a new slot begins. `nonZero` (set to 1 when the token is
    ///         configured) keeps the second word from ever being zero, so that rolling the window
    ///         never pays for a fresh storage word (20,000 gas).
    struct Flow {
        uint128 locked;
        uint32 lastSlot;
        uint96 current;
        uint96 previous;
        uint96 beforePrevious;
        uint64 nonZero;
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

    /// @notice Moves the window forward to `slot`, forgetting slots older than `slot − 2`. A slot
    ///         before `lastSlot` (only after a period change) changes nothing: what was recorded
    ///         keeps counting, which errs on the safe side.
    function roll(Flow memory f, uint256 slot) internal pure {
        uint256 last = f.lastSlot;
        if (slot <= last) return;
        uint256 gap = slot - last;
        if (gap == 1) {
            f.beforePrevious = f.previous;
            f.previous = f.current;
        } else if (gap == 2) {
            f.beforePrevious = f.current;
            f.previous = 0;
        } else {
            f.beforePrevious = 0;
            f.previous = 0;
        }
        f.current = 0;
        // SECURITY: timestamps fit 32 bits of slots until 2106 for any slot length ≥ 1.
        f.lastSlot = uint32(slot);
    }

    /// @notice Outflow recorded in the current slot and the two before (call {roll} first).
    function spent(Flow memory f) internal pure returns (uint256) {
        return uint256(f.current) + f.previous + f.beforePrevious;
    }

    /// @notice What still fits under `limit` now (call {roll} first).
    function available(Flow memory f, uint256 limit) internal pure returns (uint256) {
        uint256 s = spent(f);
        // a limit lowered below what is already recorded leaves 0, never an underflow
        return s >= limit ? 0 : limit - s;
    }

    /// @notice Records `amount` in the current slot (call {roll} first). The caller has checked
    ///         `amount ≤ available(f, limit)` with `limit < 2^96`, so the slot cannot overflow.
    function record(Flow memory f, uint256 amount) internal pure {
        f.current = uint96(f.current + amount);
    }

    /// @notice Re-expresses the window for a new period: everything still counted under the old
    ///         period is kept, in the current slot of the new one (it counts again for up to one
    ///         and a half new periods: safe, never less than before).
    function rebase(Flow memory f, uint256 oldPeriod, uint256 newPeriod, uint256 timestamp) internal pure {
        roll(f, slotOf(oldPeriod, timestamp));
        uint256 kept = spent(f);
        // kept ≤ 3 · 2^96; clamp to the slot's width (a limit is < 2^96, so the clamp only ever
        // keeps the window "full")
        f.current = kept > type(uint96).max ? type(uint96).max : uint96(kept);
        f.previous = 0;
        f.beforePrevious = 0;
        f.lastSlot = uint32(slotOf(newPeriod, timestamp));
    }
}
