// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {OutflowLimit} from "../OutflowLimit.sol";
import {VaultConfig} from "./VaultConfig.sol";

/// @title The token registry, each token's risk limits and its books
/// @notice Per token (`address(0)` is ETH): whether it is registered, its limits (outflow per
///         period, the delay of large withdrawals), and its books: `locked` (credited deposits −
///         settled withdrawals), what is owed to recipients whose payout failed, and the outflow
///         window of {OutflowLimit}. `locked + owed = balance` (forced ETH and donations aside).
abstract contract TokenRegistry is VaultConfig {
    struct TokenLimits {
        bool registered;
        uint24 periodSeconds;
        uint24 delaySeconds;
        uint96 periodLimit;
        uint96 delayThreshold;
    }

    mapping(address token => TokenLimits) internal _limits;
    mapping(address token => OutflowLimit.Flow) internal _flows;
    mapping(address token => uint256) internal _owedTotal;

    /// @notice Registry entry and limits of a token.
    function tokenSettings(address token) external view returns (TokenSettings memory) {
        TokenLimits memory l = _limits[token];
        return TokenSettings(token, l.registered, l.periodLimit, l.periodSeconds, l.delayThreshold, l.delaySeconds);
    }

    /// @notice A token's books now (see {TokenFlow}).
    function tokenFlow(address token) external view returns (TokenFlow memory f) {
        TokenLimits memory l = _limits[token];
        OutflowLimit.Flow memory flow = _flows[token];
        OutflowLimit.roll(flow, OutflowLimit.slotOf(l.periodSeconds, block.timestamp));
        f.locked = flow.locked;
        f.owed = _owedTotal[token];
        f.spentInWindow = OutflowLimit.spent(flow);
        f.available = OutflowLimit.available(flow, l.periodLimit);
    }

    /// @notice Whether `s` only tightens the token's current settings (then it applies at once):
    ///         same registration, limit and threshold not higher, period and delay not shorter.
    function tokenConfigIsTightening(TokenSettings calldata s) public view returns (bool) {
        TokenLimits memory c = _limits[s.token];
        return s.registered == c.registered && s.periodLimit <= c.periodLimit && s.periodSeconds >= c.periodSeconds
            && s.delayThreshold <= c.delayThreshold && s.delaySeconds >= c.delaySeconds;
    }

    function _validateSettings(TokenSettings memory s) internal pure {
        // SECURITY: periodSeconds 0 is refused in every configuration (no limit without a window).
        if (
            s.periodLimit > type(uint96).max || s.delayThreshold > type(uint96).max || s.periodSeconds == 0
                || s.periodSeconds > type(uint24).max || s.delaySeconds > type(uint24).max
        ) revert LimitOutOfRange();
    }

    function _configureToken(TokenSettings memory s) internal {
        _validateSettings(s);
        TokenLimits memory current = _limits[s.token];
        OutflowLimit.Flow memory flow = _flows[s.token];
        if (current.periodSeconds != s.periodSeconds) {
            OutflowLimit.rebase(flow, current.periodSeconds, s.periodSeconds, block.timestamp);
        }
        flow.nonZero = 1;
        _flows[s.token] = flow;
        _limits[s.token] = TokenLimits({
            registered: s.registered,
            periodSeconds: uint24(s.periodSeconds),
            delaySeconds: uint24(s.delaySeconds),
            periodLimit: uint96(s.periodLimit),
            delayThreshold: uint96(s.delayThreshold)
        });
        emit TokenConfigured(s.token, s.registered, s.periodLimit, s.periodSeconds, s.delayThreshold, s.delaySeconds);
    }
}
