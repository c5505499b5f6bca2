// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultFixture} from "./utils/VaultFixture.sol";
import {TestBase} from "./utils/TestBase.sol";
import {BridgeVault} from "../src/BridgeVault.sol";
import {BridgeEncoding} from "../src/BridgeEncoding.sol";
import {Merkle} from "../src/Merkle.sol";
import {MockERC20} from "./mocks/Tokens.sol";

/// @dev Drives the vault with deposits, certified and forged roots, claims, pauses and time.
///      Certified withdrawals may ask for more than was deposited (a compromised federation).
contract VaultHandler is TestBase {
    BridgeVault public vault;
    MockERC20 public token;
    uint256 internal immutable groupSk;
    address internal immutable pauser;

    struct Pending {
        BridgeVault.Withdrawal w;
        bytes32 root;
        uint256 index;
        bytes32[] siblings;
    }

    Pending[] internal pending;
    bytes32[] public forgedRoots;
    mapping(address => uint256) public deposited;
    mapping(address => uint256) public paid;
    mapping(uint256 => uint256) public timesPaid;
    uint256 public maxTimesPaid;
    bool public valueLeftWhilePaused;
    uint256 public certifiedRoots;
    uint256 public successfulClaims;
    uint256 internal nonce = 1;
    uint256 internal batchId = 1;

    constructor(BridgeVault vault_, MockERC20 token_, uint256 groupSk_, address pauser_) {
        vault = vault_;
        token = token_;
        groupSk = groupSk_;
        pauser = pauser_;
        token.approve(address(vault), type(uint256).max);
    }

    modifier watchPause() {
        bool wasPaused = vault.paused();
        uint256 eth = address(vault).balance;
        uint256 tok = token.balanceOf(address(vault));
        _;
        if (wasPaused && (address(vault).balance < eth || token.balanceOf(address(vault)) < tok)) {
            valueLeftWhilePaused = true;
        }
    }

    function depositEth(uint256 amount) external watchPause {
        amount = bound(amount, 1, 50 ether);
        vm.deal(address(this), amount);
        try vault.depositETH{value: amount}(address(0x1234)) {
            deposited[address(0)] += amount;
        } catch {}
    }

    function depositToken(uint256 amount) external watchPause {
        amount = bound(amount, 1, 50 ether);
        token.mint(address(this), amount);
        try vault.deposit(address(token), amount, address(0x1234)) {
            deposited[address(token)] += amount;
        } catch {}
    }

    function certify(uint256 n, uint256 seed) external watchPause {
        n = bound(n, 1, 6);
        BridgeVault.Withdrawal[] memory ws = new BridgeVault.Withdrawal[](n);
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            address t = r & 1 == 0 ? address(0) : address(token);
            ws[i] = BridgeVault.Withdrawal(
                nonce++, t, address(0x5e), address(uint160(0x10000 + (r >> 8) % 5)), bound(r >> 16, 1, 8 ether)
            );
            leaves[i] =
                BridgeEncoding.withdrawalLeaf(ws[i].nonce, ws[i].token, ws[i].sender, ws[i].recipient, ws[i].amount);
        }
        bytes32 root = Merkle.root(leaves);
        BridgeVault.WithdrawalBatch memory b = BridgeVault.WithdrawalBatch(batchId++, root, n);
        bytes memory sig = blsSign(groupSk, vault.withdrawalBatchDigest(b));
        try vault.postWithdrawalRoot(b, sig) {
            certifiedRoots++;
            for (uint256 i = 0; i < n; ++i) {
                pending.push(Pending(ws[i], root, i, Merkle.proof(leaves, i)));
            }
        } catch {}
    }

    function forge(uint256 seed, uint256 n) external {
        n = bound(n, 1, 8);
        bytes32 root = keccak256(abi.encode("forged", seed));
        BridgeVault.WithdrawalBatch memory b = BridgeVault.WithdrawalBatch(batchId++, root, n);
        uint256 attackerSk = bound(seed, 1, R - 1);
        if (attackerSk == groupSk) attackerSk++;
        bytes memory sig = blsSign(attackerSk, vault.withdrawalBatchDigest(b));
        forgedRoots.push(root);
        try vault.postWithdrawalRoot(b, sig) {} catch {}
    }

    function claim(uint256 i) external watchPause {
        if (pending.length == 0) return;
        Pending storage p = pending[i % pending.length];
        BridgeVault.Withdrawal memory w = p.w;
        try vault.claim(w, BridgeVault.Proof(p.root, p.index, p.siblings)) {
            _paid(w);
        } catch {}
    }

    function claimMany(uint256 i, uint256 k) external watchPause {
        if (pending.length == 0) return;
        k = bound(k, 1, 4);
        BridgeVault.Withdrawal[] memory ws = new BridgeVault.Withdrawal[](k);
        BridgeVault.Proof[] memory ps = new BridgeVault.Proof[](k);
        for (uint256 j = 0; j < k; ++j) {
            Pending storage p = pending[(i + j * 7) % pending.length];
            ws[j] = p.w;
            ps[j] = BridgeVault.Proof(p.root, p.index, p.siblings);
        }
        try vault.claimMany(ws, ps) {
            for (uint256 j = 0; j < k; ++j) {
                _paid(ws[j]);
            }
        } catch {}
    }

    function pause() external {
        vm.prank(pauser);
        vault.pause();
    }

    function unpause() external {
        if (!vault.paused()) return;
        uint256 g = vault.governanceNonce();
        vault.unpause(g, blsSign(groupSk, vault.unpauseDigest(g)));
    }

    function warp(uint256 dt) external {
        vm.warp(block.timestamp + bound(dt, 1, 2 days));
    }

    function _paid(BridgeVault.Withdrawal memory w) internal {
        successfulClaims++;
        paid[w.token] += w.amount;
        uint256 times = ++timesPaid[w.nonce];
        if (times > maxTimesPaid) maxTimesPaid = times;
    }

    function forgedCount() external view returns (uint256) {
        return forgedRoots.length;
    }

    receive() external payable {}
}

contract VaultInvariantTest is VaultFixture {
    VaultHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new VaultHandler(vault, token, GROUP_SK, pauser);
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// The vault never pays more of a token than was deposited, and its books match its balances.
    function invariant_neverPaysMoreThanDeposited() public view {
        vm.assertLe(handler.paid(address(0)), handler.deposited(address(0)), "ETH overpaid");
        vm.assertLe(handler.paid(address(token)), handler.deposited(address(token)), "token overpaid");
        vm.assertEq(address(vault).balance, handler.deposited(address(0)) - handler.paid(address(0)));
        vm.assertEq(token.balanceOf(address(vault)), handler.deposited(address(token)) - handler.paid(address(token)));
        (uint256 lockedEth,,) = vault.tokenFlow(address(0));
        vm.assertEq(lockedEth, address(vault).balance);
    }

    /// No withdrawal is paid twice.
    function invariant_noWithdrawalPaidTwice() public view {
        vm.assertLe(handler.maxTimesPaid(), 1, "a withdrawal was paid twice");
    }

    /// While paused no value leaves.
    function invariant_noValueLeavesWhilePaused() public view {
        vm.assertFalse(handler.valueLeftWhilePaused());
    }

    /// A root only exists if a valid certificate posted it.
    function invariant_rootsOnlyFromValidCertificates() public view {
        uint256 n = handler.forgedCount();
        for (uint256 i = 0; i < n; ++i) {
            (uint256 count,,) = vault.rootInfo(handler.forgedRoots(i));
            vm.assertEq(count, 0);
        }
    }
}
