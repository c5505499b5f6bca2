// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {TestBase} from "./TestBase.sol";
import {BridgeVault} from "../../src/BridgeVault.sol";
import {IVaultTypes} from "../../src/vault/IVaultTypes.sol";
import {MockERC20} from "../mocks/Tokens.sol";
import {RejectingRecipient} from "../mocks/Actors.sol";

/// @dev What {VaultHandler} records for the invariants to compare against: deposits, settlements
///      per token and recipient, what was pulled from owed payouts, revoked and forged roots, the
///      outflow per window, value leaving while paused, and how often each action went through.
abstract contract VaultHandlerRecords is TestBase {
    uint256 internal constant RECIPIENTS = 6; // five EOAs and one contract that rejects ETH

    BridgeVault public vault;
    MockERC20 public token;
    uint256 internal immutable period;
    address public immutable rejecting;

    struct Pending {
        IVaultTypes.Withdrawal w;
        bytes32 root;
        uint256 index;
        bytes32[] siblings;
    }

    struct Outflow {
        uint256 at;
        uint256 amount;
    }

    Pending[] internal pending;
    bytes32[] public forgedRoots;
    bytes32[] internal liveRoots;
    mapping(address token => uint256) public deposited;
    mapping(address token => uint256) public settled; // paid out or owed
    mapping(address recipient => mapping(address token => uint256)) public pulled; // by withdrawOwed
    mapping(address recipient => mapping(address token => uint256)) public expectedReceived;
    mapping(address token => Outflow[]) internal outflows;
    uint256[] public revokedUnclaimedNonces;
    /// How often each action went through (the campaign is not vacuous: test_handlerReachesEveryAction).
    mapping(bytes32 action => uint256) public succeeded;
    bool public valueLeftWhilePaused;
    bool public windowLimitExceeded;
    uint256 public calls;

    constructor(BridgeVault vault_, MockERC20 token_, uint256 period_) {
        vault = vault_;
        token = token_;
        period = period_;
        rejecting = address(new RejectingRecipient());
    }

    modifier tracked() {
        calls++;
        bool wasPaused = vault.paused();
        uint256 eth = address(vault).balance;
        uint256 tok = token.balanceOf(address(vault));
        _;
        if (wasPaused && (address(vault).balance < eth || token.balanceOf(address(vault)) < tok)) {
            valueLeftWhilePaused = true;
        }
    }

    // ------------------------------------------------------------------ bookkeeping

    function _recipient(uint256 r) internal view returns (address) {
        uint256 k = r % RECIPIENTS;
        return k == RECIPIENTS - 1 ? rejecting : address(uint160(0x10000 + k));
    }

    function _claimedFlags(IVaultTypes.Withdrawal[] memory ws) internal view returns (bool[] memory f) {
        f = new bool[](ws.length);
        for (uint256 j = 0; j < ws.length; ++j) {
            f[j] = vault.isClaimed(ws[j].nonce);
        }
    }

    /// Every withdrawal that turned claimed in this call was settled exactly once, now.
    function _recordSettlements(IVaultTypes.Withdrawal[] memory ws, bool[] memory before) internal {
        for (uint256 j = 0; j < ws.length; ++j) {
            if (before[j] || !vault.isClaimed(ws[j].nonce)) continue;
            before[j] = true;
            for (uint256 k = j + 1; k < ws.length; ++k) {
                if (ws[k].nonce == ws[j].nonce) before[k] = true;
            }
            address t = ws[j].token;
            succeeded["settle"]++;
            if (vault.owed(ws[j].recipient, t) > 0) succeeded["owed"]++;
            settled[t] += ws[j].amount;
            expectedReceived[ws[j].recipient][t] += ws[j].amount;
            outflows[t].push(Outflow(block.timestamp, ws[j].amount));
            // SECURITY property: the outflow in (now - period, now] never exceeds the limit in force
            uint256 sum;
            Outflow[] storage o = outflows[t];
            for (uint256 k = o.length; k > 0; --k) {
                if (o[k - 1].at + period <= block.timestamp) break;
                sum += o[k - 1].amount;
            }
            if (sum > vault.tokenSettings(t).periodLimit) windowLimitExceeded = true;
        }
    }

    function _unclaimedOf(bytes32 root) internal view returns (bool[] memory u) {
        u = new bool[](pending.length);
        for (uint256 j = 0; j < pending.length; ++j) {
            u[j] = pending[j].root == root && !vault.isClaimed(pending[j].w.nonce);
        }
    }

    function _recordRevocation(bytes32 root, bool[] memory unclaimed) internal {
        for (uint256 j = 0; j < unclaimed.length; ++j) {
            if (unclaimed[j]) revokedUnclaimedNonces.push(pending[j].w.nonce);
        }
        for (uint256 j = 0; j < liveRoots.length; ++j) {
            if (liveRoots[j] == root) {
                liveRoots[j] = liveRoots[liveRoots.length - 1];
                liveRoots.pop();
                break;
            }
        }
    }

    function forgedCount() external view returns (uint256) {
        return forgedRoots.length;
    }

    function revokedCount() external view returns (uint256) {
        return revokedUnclaimedNonces.length;
    }

    function recipientCount() external pure returns (uint256) {
        return RECIPIENTS;
    }

    function recipient(uint256 k) external view returns (address) {
        return _recipient(k);
    }

    receive() external payable {}
}
