// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {OutflowLimit} from "../OutflowLimit.sol";
import {Pausers} from "./Pausers.sol";
import {TokenRegistry} from "./TokenRegistry.sol";

/// @title Deposits: ETH and registered ERC-20s locked for the sidechain
/// @notice Each deposit gets the next nonce (from 1) and a {Deposit} event, whose fields are the
///         deposit leaf the federation certifies on the sidechain.
abstract contract Deposits is ReentrancyGuardTransient, Pausers, TokenRegistry {
    using SafeERC20 for IERC20;

    /// @notice Number of deposits so far; the next deposit gets nonce `depositCount + 1`.
    uint256 public depositCount;

    /// @notice Deposits the attached ETH for `recipient` on the sidechain.
    /// @param recipient Sidechain recipient (non-zero).
    /// @return nonce The deposit nonce (sequential, from 1).
    function depositETH(address recipient) external payable nonReentrant returns (uint256 nonce) {
        _requireNotPaused();
        // SECURITY: zero amounts and zero recipients are refused (threats row 7).
        if (msg.value == 0) revert ZeroAmount();
        if (recipient == address(0)) revert ZeroAddress();
        if (!_limits[address(0)].registered) revert TokenNotRegistered(address(0));
        nonce = _recordDeposit(address(0), recipient, msg.value);
    }

    /// @notice Deposits `amount` of a registered ERC-20 for `recipient` on the sidechain. The
    ///         amount credited is the vault's measured balance change (fee-on-transfer safe).
    /// @param token A registered ERC-20 (not `address(0)`: use {depositETH}).
    /// @param amount Amount to pull with `transferFrom` (non-zero).
    /// @param recipient Sidechain recipient (non-zero).
    /// @return nonce The deposit nonce (sequential, from 1).
    function deposit(address token, uint256 amount, address recipient) external nonReentrant returns (uint256 nonce) {
        _requireNotPaused();
        // SECURITY: token address(0), zero amounts, zero recipients, unregistered tokens are
        // refused before any external call (threats row 7).
        if (token == address(0) || recipient == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        if (!_limits[token].registered) revert TokenNotRegistered(token);
        // SECURITY: the only interaction before the effects is the pull itself, because the
        // credit is measured around it; nonReentrant makes re-entry from the token impossible.
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        // SECURITY: credit only what arrived (fee-on-transfer); a token that moves nothing is refused.
        uint256 received = IERC20(token).balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();
        nonce = _recordDeposit(token, recipient, received);
    }

    /// @dev Plain ETH transfers are refused: deposits must name a recipient.
    receive() external payable {
        revert EthNotAccepted();
    }

    function _recordDeposit(address token, address recipient, uint256 amount) private returns (uint256 nonce) {
        OutflowLimit.Flow storage flow = _flows[token];
        uint256 locked = uint256(flow.locked) + amount;
        if (locked > type(uint128).max) revert AmountTooLarge(amount);
        flow.locked = uint128(locked);
        nonce = ++depositCount;
        emit Deposit(nonce, token, msg.sender, recipient, amount);
    }
}
