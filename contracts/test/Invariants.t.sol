// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {TestBase} from "./utils/TestBase.sol";
import {BridgeVault} from "../src/BridgeVault.sol";
import {BridgeEncoding} from "../src/BridgeEncoding.sol";
import {Merkle} from "../src/Merkle.sol";
import {MockERC20} from "./mocks/Tokens.sol";
import {RejectingRecipient} from "./mocks/Actors.sol";

/// @dev Drives the vault like a compromised federation, its pausers, its users and the relayer:
///      deposits, certified and forged roots (certified withdrawals may ask for more than was
///      deposited), claims and batch claims (with repeats, and a recipient that rejects ETH),
///      owed payouts, pauses and unpauses, loosening and tightening limits, cancellations, epoch
///      rotations, revocations by pausers and by later epochs, and time. It records what the
///      invariants compare against.
contract VaultHandler is TestBase {
    uint256 internal constant RECIPIENTS = 6; // five EOAs and one contract that rejects ETH

    BridgeVault public vault;
    MockERC20 public token;
    uint256 public groupSk;
    address internal immutable pauser;
    uint256 internal immutable govDelay;
    uint256 internal immutable period;
    address public immutable rejecting;

    struct Pending {
        BridgeVault.Withdrawal w;
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

    // governance in flight
    bool internal hasQueuedConfig;
    uint256 internal queuedConfigNonce;
    BridgeVault.TokenSettings internal queuedConfig;
    bool internal hasQueuedRotation;
    BridgeVault.EpochChange internal queuedRotation;
    uint256 internal queuedRotationSk;
    bool internal hasQueuedUnpause;
    BridgeVault.Unpause internal queuedUnpause;
    uint256 internal nonce = 1;
    uint256 internal batchId = 1;

    constructor(BridgeVault vault_, MockERC20 token_, uint256 groupSk_, address pauser_, uint256 period_) {
        vault = vault_;
        token = token_;
        groupSk = groupSk_;
        pauser = pauser_;
        govDelay = vault_.governanceDelay();
        period = period_;
        rejecting = address(new RejectingRecipient());
        token.approve(address(vault), type(uint256).max);
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

    // ------------------------------------------------------------------ users

    function depositEth(uint256 amount) external tracked {
        amount = bound(amount, 1, 200 ether);
        vm.deal(address(this), amount);
        try vault.depositETH{value: amount}(address(0x1234)) {
            deposited[address(0)] += amount;
        } catch {}
    }

    function depositToken(uint256 amount) external tracked {
        amount = bound(amount, 1, 200 ether);
        token.mint(address(this), amount);
        try vault.deposit(address(token), amount, address(0x1234)) {
            deposited[address(token)] += amount;
        } catch {}
    }

    /// The rejecting recipient pulls its ETH to a plain address.
    function withdrawOwed(uint256 which) external tracked {
        address from = which % 2 == 0 ? rejecting : _recipient(which);
        address t = (which >> 1) % 2 == 0 ? address(0) : address(token);
        uint256 amount = vault.owed(from, t);
        vm.prank(from);
        try vault.withdrawOwed(t, address(0xfeed)) {
            pulled[from][t] += amount;
            succeeded["withdrawOwed"]++;
        } catch {}
    }

    // ------------------------------------------------------------------ federation and relayer

    function certify(uint256 n, uint256 seed) external tracked {
        n = bound(n, 1, 6);
        BridgeVault.Withdrawal[] memory ws = new BridgeVault.Withdrawal[](n);
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            address t = r & 1 == 0 ? address(0) : address(token);
            ws[i] = BridgeVault.Withdrawal(nonce++, t, address(0x5e), _recipient(r >> 8), bound(r >> 16, 1, 40 ether));
            leaves[i] =
                BridgeEncoding.withdrawalLeaf(ws[i].nonce, ws[i].token, ws[i].sender, ws[i].recipient, ws[i].amount);
        }
        bytes32 root = Merkle.root(leaves);
        BridgeVault.WithdrawalBatch memory b = BridgeVault.WithdrawalBatch(batchId++, root, n);
        bytes memory sig = blsSign(groupSk, vault.withdrawalBatchDigest(b));
        try vault.postWithdrawalRoot(b, sig) {
            succeeded["certify"]++;
            liveRoots.push(root);
            for (uint256 i = 0; i < n; ++i) {
                pending.push(Pending(ws[i], root, i, Merkle.proof(leaves, i)));
            }
        } catch {}
    }

    function forge(uint256 seed, uint256 n) external tracked {
        n = bound(n, 1, 8);
        bytes32 root = keccak256(abi.encode("forged", seed));
        BridgeVault.WithdrawalBatch memory b = BridgeVault.WithdrawalBatch(batchId++, root, n);
        uint256 attackerSk = bound(seed, 1, R - 1);
        if (attackerSk == groupSk) attackerSk++;
        bytes memory sig = blsSign(attackerSk, vault.withdrawalBatchDigest(b));
        forgedRoots.push(root);
        try vault.postWithdrawalRoot(b, sig) {} catch {}
    }

    function claim(uint256 i) external tracked {
        if (pending.length == 0) return;
        Pending storage p = pending[i % pending.length];
        BridgeVault.Withdrawal[] memory ws = new BridgeVault.Withdrawal[](1);
        ws[0] = p.w;
        bool[] memory before = _claimedFlags(ws);
        try vault.claim(ws[0], BridgeVault.Proof(p.root, p.index, p.siblings)) {} catch {}
        _recordSettlements(ws, before);
    }

    /// The relayer claims everything it can, one by one: drives every token into its limit.
    function claimAll() external tracked {
        _claimAll();
    }

    function _claimAll() internal {
        uint256 n = pending.length;
        for (uint256 i = 0; i < n; ++i) {
            Pending storage p = pending[i];
            if (vault.isClaimed(p.w.nonce)) continue;
            BridgeVault.Withdrawal[] memory ws = new BridgeVault.Withdrawal[](1);
            ws[0] = p.w;
            bool[] memory before = _claimedFlags(ws);
            try vault.claim(ws[0], BridgeVault.Proof(p.root, p.index, p.siblings)) {} catch {}
            _recordSettlements(ws, before);
        }
    }

    /// A batch that may repeat a withdrawal or contain already-claimed ones.
    function claimMany(uint256 i, uint256 k) external tracked {
        if (pending.length == 0) return;
        k = bound(k, 1, 5);
        BridgeVault.Withdrawal[] memory ws = new BridgeVault.Withdrawal[](k);
        BridgeVault.Proof[] memory ps = new BridgeVault.Proof[](k);
        for (uint256 j = 0; j < k; ++j) {
            Pending storage p = pending[(i % pending.length + j * 7) % pending.length];
            ws[j] = p.w;
            ps[j] = BridgeVault.Proof(p.root, p.index, p.siblings);
        }
        bool[] memory before = _claimedFlags(ws);
        try vault.claimMany(ws, ps) {} catch {}
        _recordSettlements(ws, before);
    }

    // ------------------------------------------------------------------ pausers

    /// Pauses one call in four (a pause stops almost everything else; more often and the campaign
    /// would mostly test a paused vault).
    function pause(uint256 seed) external tracked {
        if (seed % 4 != 0) return;
        vm.prank(pauser);
        try vault.pause() {
            succeeded["pause"]++;
        } catch {}
    }

    function revokeByPauser(uint256 i) external tracked {
        if (liveRoots.length == 0) return;
        bytes32 root = liveRoots[i % liveRoots.length];
        bool[] memory unclaimed = _unclaimedOf(root);
        vm.prank(pauser);
        try vault.revokeRoot(root) {
            succeeded["revokeByPauser"]++;
            _recordRevocation(root, unclaimed);
        } catch {}
    }

    function cancel(uint256 which) external tracked {
        bytes32 id;
        if (which % 3 == 0 && hasQueuedConfig) id = vault.tokenConfigDigest(queuedConfigNonce, queuedConfig);
        else if (which % 3 == 1 && hasQueuedRotation) id = vault.epochChangeDigest(queuedRotation);
        else if (hasQueuedUnpause) id = vault.unpauseDigest(queuedUnpause);
        else return;
        vm.prank(pauser);
        try vault.cancelOperation(id) {
            succeeded["cancel"]++;
        } catch {}
    }

    // ------------------------------------------------------------------ governance

    function requestUnpause() external tracked {
        if (!vault.paused()) return;
        BridgeVault.Unpause memory u = BridgeVault.Unpause(vault.governanceNonce(), vault.pauseCount());
        try vault.submitUnpause(u, blsSign(groupSk, vault.unpauseDigest(u))) {
            hasQueuedUnpause = true;
            queuedUnpause = u;
        } catch {}
    }

    function executeUnpause() external tracked {
        if (!hasQueuedUnpause) return;
        try vault.executeUnpause(queuedUnpause) {
            succeeded["executeUnpause"]++;
            hasQueuedUnpause = false;
        } catch {}
    }

    /// Loosening (raise the limit or the delay threshold, shorten the delay): queued.
    function loosen(uint256 seed) external tracked {
        address t = seed & 1 == 0 ? address(0) : address(token);
        BridgeVault.TokenSettings memory s = vault.tokenSettings(t);
        s.periodLimit = bound(seed >> 8, s.periodLimit, 150 ether);
        s.delayThreshold = bound(seed >> 80, s.delayThreshold, 60 ether);
        s.delaySeconds = bound(seed >> 160, 0, s.delaySeconds);
        uint256 g = vault.governanceNonce();
        try vault.submitTokenConfig(g, s, blsSign(groupSk, vault.tokenConfigDigest(g, s))) {
            if (!vault.tokenConfigIsTightening(s)) {
                hasQueuedConfig = true;
                queuedConfigNonce = g;
                queuedConfig = s;
            }
        } catch {}
    }

    /// Tightening (lower the limit): at once.
    function tighten(uint256 seed) external tracked {
        address t = seed & 1 == 0 ? address(0) : address(token);
        BridgeVault.TokenSettings memory s = vault.tokenSettings(t);
        s.periodLimit = bound(seed >> 8, 1 ether, s.periodLimit);
        uint256 g = vault.governanceNonce();
        try vault.submitTokenConfig(g, s, blsSign(groupSk, vault.tokenConfigDigest(g, s))) {
            succeeded["tighten"]++;
        } catch {}
    }

    function executeConfig() external tracked {
        if (!hasQueuedConfig) return;
        try vault.executeTokenConfig(queuedConfigNonce, queuedConfig) {
            succeeded["executeConfig"]++;
            hasQueuedConfig = false;
        } catch {}
    }

    function queueRotation(uint256 seed) external tracked {
        if (hasQueuedRotation) return;
        uint256 sk = bound(seed, 1, R - 1);
        BridgeVault.EpochChange memory c =
            BridgeVault.EpochChange(vault.currentEpoch() + 1, blsPublicKey(sk), 3, 4, keccak256(abi.encode(seed)));
        try vault.submitEpochChange(c, blsSign(groupSk, vault.epochChangeDigest(c))) {
            hasQueuedRotation = true;
            queuedRotation = c;
            queuedRotationSk = sk;
        } catch {}
    }

    function executeRotation() external tracked {
        if (!hasQueuedRotation) return;
        try vault.executeEpochChange(queuedRotation) {
            succeeded["executeRotation"]++;
            groupSk = queuedRotationSk;
            // everything queued under the old epoch is dead now
            hasQueuedConfig = false;
            hasQueuedUnpause = false;
        } catch {}
        hasQueuedRotation = false;
    }

    /// A later epoch revokes a root of an earlier one at any time.
    function revokeByCertificate(uint256 i) external tracked {
        if (liveRoots.length == 0) return;
        bytes32 root = liveRoots[i % liveRoots.length];
        bool[] memory unclaimed = _unclaimedOf(root);
        try vault.submitRootRevocation(root, blsSign(groupSk, vault.rootRevocationDigest(root))) {
            succeeded["revokeByCertificate"]++;
            _recordRevocation(root, unclaimed);
        } catch {}
    }

    /// Time passes (up to a day and a half) and the relayer claims what became claimable: the
    /// outflow keeps meeting the limit at every point of the window.
    function warp(uint256 dt) external tracked {
        vm.warp(block.timestamp + bound(dt, 1, 36 hours));
        _claimAll();
    }

    // ------------------------------------------------------------------ bookkeeping

    function _recipient(uint256 r) internal view returns (address) {
        uint256 k = r % RECIPIENTS;
        return k == RECIPIENTS - 1 ? rejecting : address(uint160(0x10000 + k));
    }

    function _claimedFlags(BridgeVault.Withdrawal[] memory ws) internal view returns (bool[] memory f) {
        f = new bool[](ws.length);
        for (uint256 j = 0; j < ws.length; ++j) {
            f[j] = vault.isClaimed(ws[j].nonce);
        }
    }

    /// Every withdrawal that turned claimed in this call was settled exactly once, now.
    function _recordSettlements(BridgeVault.Withdrawal[] memory ws, bool[] memory before) internal {
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

contract VaultInvariantTest is VaultFixture {
    VaultHandler internal handler;

    /// Limits low enough that the handler's claims run into them (so the window is tested).
    uint256 internal constant TIGHT_LIMIT = 60 ether;

    function setUp() public override {
        super.setUp();
        for (uint256 i = 0; i < 2; ++i) {
            BridgeVault.TokenSettings memory s = settings(i == 0 ? address(0) : address(token));
            s.periodLimit = TIGHT_LIMIT;
            s.delayThreshold = 30 ether;
            configure(s); // tightening: applied at once
        }
        handler = new VaultHandler(vault, token, GROUP_SK, pauser, PERIOD);
    }

    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// Every action, with the relayer's (deposit, certify, time passing with claims) listed three
    /// times: the campaign then spends its calls on moving value, where the limits bind.
    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        VaultHandler h = handler;
        bytes4[3] memory busy = [h.depositEth.selector, h.certify.selector, h.warp.selector];
        bytes4[19] memory rest = [
            h.depositToken.selector,
            h.withdrawOwed.selector,
            h.forge.selector,
            h.claim.selector,
            h.claimAll.selector,
            h.claimMany.selector,
            h.pause.selector,
            h.revokeByPauser.selector,
            h.cancel.selector,
            h.requestUnpause.selector,
            h.executeUnpause.selector,
            h.loosen.selector,
            h.tighten.selector,
            h.executeConfig.selector,
            h.queueRotation.selector,
            h.executeRotation.selector,
            h.revokeByCertificate.selector,
            h.depositToken.selector,
            h.certify.selector
        ];
        bytes4[] memory all = new bytes4[](3 * busy.length + rest.length);
        uint256 k;
        for (uint256 r = 0; r < 3; ++r) {
            for (uint256 i = 0; i < busy.length; ++i) {
                all[k++] = busy[i];
            }
        }
        for (uint256 i = 0; i < rest.length; ++i) {
            all[k++] = rest[i];
        }
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(h), all);
    }

    /// The handler is not vacuous: one fixed sequence reaches every action the invariants rely on
    /// (settled claims, owed payouts and their pull, pauses and unpauses, queued and executed
    /// limit changes, cancellations, rotations, revocations by pauser and by certificate).
    function test_handlerReachesEveryAction() public {
        // (the handler bounds its inputs as lo + x % (hi - lo + 1): these values hit the top)
        for (uint256 i = 0; i < 12; ++i) {
            handler.depositEth(200 ether - 1);
            handler.depositToken(200 ether - 1);
        }
        for (uint256 seed = 0; seed < 6; ++seed) {
            handler.certify(5, seed); // 6 withdrawals each
        }
        handler.revokeByPauser(0);
        for (uint256 i = 0; i < 10; ++i) {
            handler.warp(36 hours - 1); // the relayer claims what the window allows each time
        }
        for (uint256 i = 0; i < 36; ++i) {
            handler.claim(i);
        }
        handler.claimMany(3, 4); // 5 withdrawals, mostly claimed already
        for (uint256 i = 0; i < 4; ++i) {
            handler.withdrawOwed(i);
        }
        handler.loosen(7 << 8);
        handler.cancel(0);
        handler.loosen(9 << 8);
        handler.warp(36 hours - 1);
        handler.warp(36 hours - 1);
        handler.executeConfig();
        handler.tighten(5 << 8);
        handler.pause(0);
        handler.requestUnpause();
        handler.queueRotation(0xc0ffee);
        handler.warp(36 hours - 1);
        handler.warp(36 hours - 1);
        handler.executeRotation();
        handler.revokeByCertificate(1);
        handler.requestUnpause();
        handler.warp(36 hours - 1);
        handler.warp(36 hours - 1);
        handler.executeUnpause();
        string[13] memory actions = [
            "certify",
            "settle",
            "owed",
            "withdrawOwed",
            "pause",
            "executeUnpause",
            "cancel",
            "executeConfig",
            "tighten",
            "executeRotation",
            "revokeByPauser",
            "revokeByCertificate",
            "certify"
        ];
        for (uint256 i = 0; i < actions.length; ++i) {
            vm.assertTrue(handler.succeeded(bytes32(bytes(actions[i]))) > 0, actions[i]);
        }
        invariant_neverPaysMoreThanDeposited();
        invariant_noWithdrawalPaidTwice();
        invariant_revokedRootsPayNothing();
        invariant_outflowPerWindowWithinLimit();
        invariant_noValueLeavesWhilePaused();
    }

    /// The vault never settles more of a token than was deposited, and its books match its
    /// balances: balance = deposited − paid out, locked + owed = balance.
    function invariant_neverPaysMoreThanDeposited() public view {
        for (uint256 i = 0; i < 2; ++i) {
            address t = i == 0 ? address(0) : address(token);
            uint256 balance = i == 0 ? address(vault).balance : token.balanceOf(address(vault));
            BridgeVault.TokenFlow memory f = vault.tokenFlow(t);
            vm.assertLe(handler.settled(t), handler.deposited(t), "settled more than deposited");
            uint256 paidOut = handler.settled(t) - f.owed;
            vm.assertEq(balance, handler.deposited(t) - paidOut, "balance");
            vm.assertEq(f.locked + f.owed, balance, "locked + owed");
        }
    }

    /// No withdrawal is paid twice: what every recipient received (balance, still owed, pulled
    /// from what was owed) is exactly the sum of the distinct withdrawals settled to it.
    function invariant_noWithdrawalPaidTwice() public view {
        for (uint256 k = 0; k < handler.recipientCount(); ++k) {
            address r = handler.recipient(k);
            vm.assertEq(
                r.balance + vault.owed(r, address(0)) + handler.pulled(r, address(0)),
                handler.expectedReceived(r, address(0)),
                "ETH received"
            );
            vm.assertEq(
                token.balanceOf(r) + vault.owed(r, address(token)) + handler.pulled(r, address(token)),
                handler.expectedReceived(r, address(token)),
                "token received"
            );
        }
        vm.assertEq(handler.rejecting().balance, 0, "the rejecting recipient never takes ETH");
    }

    /// While paused no value leaves.
    function invariant_noValueLeavesWhilePaused() public view {
        vm.assertFalse(handler.valueLeftWhilePaused());
    }

    /// A revoked root pays nothing, ever: its withdrawals unclaimed at revocation stay unclaimed.
    function invariant_revokedRootsPayNothing() public view {
        uint256 n = handler.revokedCount();
        for (uint256 i = 0; i < n; ++i) {
            vm.assertFalse(vault.isClaimed(handler.revokedUnclaimedNonces(i)), "revoked root paid");
        }
    }

    /// The outflow of a token within any window of one period never exceeds its limit.
    function invariant_outflowPerWindowWithinLimit() public view {
        vm.assertFalse(handler.windowLimitExceeded());
    }

    /// A root only exists if a valid certificate posted it.
    function invariant_rootsOnlyFromValidCertificates() public view {
        uint256 n = handler.forgedCount();
        for (uint256 i = 0; i < n; ++i) {
            vm.assertEq(vault.rootStatus(handler.forgedRoots(i)).count, 0);
        }
    }
}
