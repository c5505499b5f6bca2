// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {VaultHandlerRecords} from "./VaultHandlerRecords.sol";
import {BridgeVault} from "../../src/BridgeVault.sol";
import {IVaultTypes} from "../../src/vault/IVaultTypes.sol";
import {BridgeEncoding} from "../../src/BridgeEncoding.sol";
import {Merkle} from "../../src/Merkle.sol";
import {MockERC20} from "../mocks/Tokens.sol";

/// @dev Drives the vault like a compromised federation, its pausers, its users and the relayer:
///      deposits, certified and forged roots (certified withdrawals may ask for more than was
///      deposited), claims and batch claims (with repeats, and a recipient that rejects ETH),
///      owed payouts, pauses and unpauses, loosening and tightening limits, cancellations, epoch
///      rotations, revocations by pausers and by later epochs, and time. What it records for the
///      invariants is in {VaultHandlerRecords}.
contract VaultHandler is VaultHandlerRecords {
    uint256 public groupSk;
    address internal immutable pauser;
    uint256 internal immutable govDelay;

    // governance in flight
    bool internal hasQueuedConfig;
    uint256 internal queuedConfigNonce;
    IVaultTypes.TokenSettings internal queuedConfig;
    bool internal hasQueuedRotation;
    IVaultTypes.EpochChange internal queuedRotation;
    uint256 internal queuedRotationSk;
    bool internal hasQueuedUnpause;
    IVaultTypes.Unpause internal queuedUnpause;
    uint256 internal nonce = 1;
    uint256 internal batchId = 1;

    constructor(BridgeVault vault_, MockERC20 token_, uint256 groupSk_, address pauser_, uint256 period_)
        VaultHandlerRecords(vault_, token_, period_)
    {
        groupSk = groupSk_;
        pauser = pauser_;
        govDelay = vault_.governanceDelay();
        token.approve(address(vault), type(uint256).max);
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
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](n);
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            address t = r & 1 == 0 ? address(0) : address(token);
            ws[i] = IVaultTypes.Withdrawal(nonce++, t, address(0x5e), _recipient(r >> 8), bound(r >> 16, 1, 40 ether));
            leaves[i] =
                BridgeEncoding.withdrawalLeaf(ws[i].nonce, ws[i].token, ws[i].sender, ws[i].recipient, ws[i].amount);
        }
        bytes32 root = Merkle.root(leaves);
        IVaultTypes.WithdrawalBatch memory b = IVaultTypes.WithdrawalBatch(batchId++, root, n);
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
        IVaultTypes.WithdrawalBatch memory b = IVaultTypes.WithdrawalBatch(batchId++, root, n);
        uint256 attackerSk = bound(seed, 1, R - 1);
        if (attackerSk == groupSk) attackerSk++;
        bytes memory sig = blsSign(attackerSk, vault.withdrawalBatchDigest(b));
        forgedRoots.push(root);
        try vault.postWithdrawalRoot(b, sig) {} catch {}
    }

    function claim(uint256 i) external tracked {
        if (pending.length == 0) return;
        Pending storage p = pending[i % pending.length];
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](1);
        ws[0] = p.w;
        bool[] memory before = _claimedFlags(ws);
        try vault.claim(ws[0], IVaultTypes.Proof(p.root, p.index, p.siblings)) {} catch {}
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
            IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](1);
            ws[0] = p.w;
            bool[] memory before = _claimedFlags(ws);
            try vault.claim(ws[0], IVaultTypes.Proof(p.root, p.index, p.siblings)) {} catch {}
            _recordSettlements(ws, before);
        }
    }

    /// A batch that may repeat a withdrawal or contain already-claimed ones.
    function claimMany(uint256 i, uint256 k) external tracked {
        if (pending.length == 0) return;
        k = bound(k, 1, 5);
        IVaultTypes.Withdrawal[] memory ws = new IVaultTypes.Withdrawal[](k);
        IVaultTypes.Proof[] memory ps = new IVaultTypes.Proof[](k);
        for (uint256 j = 0; j < k; ++j) {
            Pending storage p = pending[(i % pending.length + j * 7) % pending.length];
            ws[j] = p.w;
            ps[j] = IVaultTypes.Proof(p.root, p.index, p.siblings);
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
        IVaultTypes.Unpause memory u = IVaultTypes.Unpause(vault.governanceNonce(), vault.pauseCount());
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
        IVaultTypes.TokenSettings memory s = vault.tokenSettings(t);
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
        IVaultTypes.TokenSettings memory s = vault.tokenSettings(t);
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
        IVaultTypes.EpochChange memory c =
            IVaultTypes.EpochChange(vault.currentEpoch() + 1, blsPublicKey(sk), 3, 4, keccak256(abi.encode(seed)));
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
}
