// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {TestBase} from "./TestBase.sol";
import {BridgeVault} from "../../src/BridgeVault.sol";
import {IVaultTypes} from "../../src/vault/IVaultTypes.sol";
import {BridgeEncoding} from "../../src/BridgeEncoding.sol";
import {Merkle} from "../../src/Merkle.sol";
import {MockERC20} from "../mocks/Tokens.sol";

/// @dev A deployed vault with a 3-of-4 federation whose group secret is known to the test.
abstract contract VaultFixture is TestBase {
    uint256 internal constant GROUP_SK = 0x5eed0f0b1a5c0ffee;
    uint256 internal constant PERIOD_LIMIT = 1_000 ether;
    uint256 internal constant DELAY_THRESHOLD = 100 ether;
    uint256 internal constant PERIOD = 1 days;
    uint256 internal constant DELAY = 6 hours;
    uint256 internal constant SIDECHAIN_ID = 777;
    uint256 internal constant GOV_DELAY = 2 days;
    uint256 internal constant CHALLENGE = 1 hours;

    BridgeVault internal vault;
    MockERC20 internal token;
    address internal pauser = address(0xA11CE);
    address internal user = address(0xB0B);
    uint256 internal groupSk = GROUP_SK;
    uint256 internal nextWithdrawalNonce = 1;
    uint256 internal nextBatchId = 1;

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        token = new MockERC20("TKN");
        vault = deployVault(GROUP_SK);
        vm.deal(user, 10_000 ether);
        token.mint(user, 10_000 ether);
        vm.prank(user);
        token.approve(address(vault), type(uint256).max);
    }

    function deployVault(uint256 sk) internal returns (BridgeVault) {
        address[] memory pausers = new address[](1);
        pausers[0] = pauser;
        return new BridgeVault(
            SIDECHAIN_ID, blsPublicKey(sk), 3, 4, keccak256("members-0"), pausers, defaultTokens(), GOV_DELAY, CHALLENGE
        );
    }

    function defaultTokens() internal view returns (IVaultTypes.TokenSettings[] memory t) {
        t = new IVaultTypes.TokenSettings[](2);
        t[0] = settings(address(0));
        t[1] = settings(address(token));
    }

    function settings(address tokenAddress) internal pure returns (IVaultTypes.TokenSettings memory) {
        return IVaultTypes.TokenSettings(tokenAddress, true, PERIOD_LIMIT, PERIOD, DELAY_THRESHOLD, DELAY);
    }

    function domain(BridgeVault v) internal view returns (BridgeEncoding.Domain memory) {
        return BridgeEncoding.Domain(block.chainid, address(v), SIDECHAIN_ID, v.currentEpoch());
    }

    function withdrawal(address tokenAddress, address recipient, uint256 amount)
        internal
        returns (IVaultTypes.Withdrawal memory w)
    {
        w = IVaultTypes.Withdrawal(nextWithdrawalNonce++, tokenAddress, address(0x5e11de5), recipient, amount);
    }

    function leaves(IVaultTypes.Withdrawal[] memory ws) internal pure returns (bytes32[] memory l) {
        l = new bytes32[](ws.length);
        for (uint256 i = 0; i < ws.length; ++i) {
            l[i] = BridgeEncoding.withdrawalLeaf(ws[i].nonce, ws[i].token, ws[i].sender, ws[i].recipient, ws[i].amount);
        }
    }

    function batchOf(IVaultTypes.Withdrawal[] memory ws) internal returns (IVaultTypes.WithdrawalBatch memory) {
        return IVaultTypes.WithdrawalBatch(nextBatchId++, Merkle.root(leaves(ws)), ws.length);
    }

    function signBatch(BridgeVault v, uint256 sk, IVaultTypes.WithdrawalBatch memory b)
        internal
        view
        returns (bytes memory)
    {
        return blsSign(sk, BridgeEncoding.withdrawalBatchDigest(domain(v), b.batchId, b.root, b.count));
    }

    /// @dev Posts a certified root for `ws`, waits out its challenge period and returns one proof
    ///      per withdrawal.
    function post(IVaultTypes.Withdrawal[] memory ws) internal returns (IVaultTypes.Proof[] memory proofs) {
        proofs = postRoot(ws);
        vm.warp(block.timestamp + CHALLENGE);
    }

    /// @dev Posts a certified root for `ws` (still inside its challenge period).
    function postRoot(IVaultTypes.Withdrawal[] memory ws) internal returns (IVaultTypes.Proof[] memory proofs) {
        IVaultTypes.WithdrawalBatch memory b = batchOf(ws);
        vault.postWithdrawalRoot(b, signBatch(vault, groupSk, b));
        proofs = proofsOf(ws, b.root);
    }

    function proofsOf(IVaultTypes.Withdrawal[] memory ws, bytes32 root)
        internal
        pure
        returns (IVaultTypes.Proof[] memory proofs)
    {
        bytes32[] memory l = leaves(ws);
        proofs = new IVaultTypes.Proof[](ws.length);
        for (uint256 i = 0; i < ws.length; ++i) {
            proofs[i] = IVaultTypes.Proof(root, i, Merkle.proof(l, i));
        }
    }

    function one(IVaultTypes.Withdrawal memory w) internal pure returns (IVaultTypes.Withdrawal[] memory ws) {
        ws = new IVaultTypes.Withdrawal[](1);
        ws[0] = w;
    }

    function depositEth(uint256 amount) internal {
        vm.prank(user);
        vault.depositETH{value: amount}(user);
    }

    function depositToken(uint256 amount) internal {
        vm.prank(user);
        vault.deposit(address(token), amount, user);
    }

    function epochChange(uint256 newSk, uint256 t, uint256 n) internal view returns (IVaultTypes.EpochChange memory) {
        return IVaultTypes.EpochChange(vault.currentEpoch() + 1, blsPublicKey(newSk), t, n, keccak256("members"));
    }

    function signEpochChange(uint256 sk, IVaultTypes.EpochChange memory c) internal view returns (bytes memory) {
        return blsSign(
            sk,
            BridgeEncoding.epochChangeDigest(
                domain(vault), c.newEpoch, c.groupKey, c.threshold, c.memberCount, c.membersHash
            )
        );
    }

    /// @dev Queues a rotation signed by the current key, waits out the governance delay, executes it.
    function rotate(uint256 newSk, uint256 t, uint256 n) internal {
        IVaultTypes.EpochChange memory c = epochChange(newSk, t, n);
        vault.submitEpochChange(c, signEpochChange(groupSk, c));
        vm.warp(block.timestamp + GOV_DELAY);
        vault.executeEpochChange(c);
        groupSk = newSk;
    }

    function signUnpause(uint256 sk, IVaultTypes.Unpause memory u) internal view returns (bytes memory) {
        return blsSign(sk, BridgeEncoding.unpauseDigest(domain(vault), u.governanceNonce, u.pauseCount));
    }

    /// @dev The Unpause for the current pause with the next governance nonce.
    function currentUnpause() internal view returns (IVaultTypes.Unpause memory) {
        return IVaultTypes.Unpause(vault.governanceNonce(), vault.pauseCount());
    }

    /// @dev Queues the federation's unpause of the current pause, waits, executes.
    function unpauseNow() internal {
        IVaultTypes.Unpause memory u = currentUnpause();
        vault.submitUnpause(u, signUnpause(groupSk, u));
        vm.warp(block.timestamp + GOV_DELAY);
        vault.executeUnpause(u);
    }

    function signPauserUpdate(uint256 sk, IVaultTypes.PauserUpdate memory u) internal view returns (bytes memory) {
        return blsSign(sk, BridgeEncoding.pauserUpdateDigest(domain(vault), u.governanceNonce, u.pauser, u.enabled));
    }

    function signRevocation(uint256 sk, bytes32 root) internal view returns (bytes memory) {
        return blsSign(sk, BridgeEncoding.rootRevocationDigest(domain(vault), root));
    }

    /// @dev Registers `t` with the default settings (queued, waited out, executed).
    function register(address t) internal {
        configure(settings(t));
    }

    /// @dev Applies `s` with a federation certificate: at once if it tightens, else queued,
    ///      waited out and executed.
    function configure(IVaultTypes.TokenSettings memory s) internal {
        uint256 nonce = vault.governanceNonce();
        bool tightening = vault.tokenConfigIsTightening(s);
        vault.submitTokenConfig(nonce, s, signTokenConfig(groupSk, nonce, s));
        if (!tightening) {
            vm.warp(block.timestamp + GOV_DELAY);
            vault.executeTokenConfig(nonce, s);
        }
    }

    function signTokenConfig(uint256 sk, uint256 nonce, IVaultTypes.TokenSettings memory s)
        internal
        view
        returns (bytes memory)
    {
        return blsSign(
            sk,
            BridgeEncoding.tokenConfigDigest(
                domain(vault),
                nonce,
                s.token,
                s.registered,
                s.periodLimit,
                s.periodSeconds,
                s.delayThreshold,
                s.delaySeconds
            )
        );
    }
}
