// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {BLS} from "./BLS.sol";
import {BridgeEncoding} from "./BridgeEncoding.sol";
import {Merkle} from "./Merkle.sol";

/// @title fedbridge L1 vault
/// @notice Locks ETH and registered ERC-20s for the sidechain and pays withdrawals that the
///         federation certified with one threshold-BLS signature per batch (a Merkle root).
///         There is no owner and no upgrade path: every change of the group key, the token
///         registry, the limits, the pauser set and every unpause needs a certificate of the
///         current federation epoch. Pausers can only pause.
/// @dev    Min-sig BLS12-381 (signature in G1, group key in G2), verified with the EIP-2537
///         precompiles. A "t of n" certificate is one aggregate signature under the group key
///         produced by the DKG: fewer than t shares cannot produce it (Shamir), so the contract
///         does not count signers — a partial signature fails like any wrong signature.
contract BridgeVault is ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    // ------------------------------------------------------------------ types

    /// @notice One sidechain withdrawal, a leaf of a withdrawal batch.
    struct Withdrawal {
        uint256 nonce;
        address token;
        address sender;
        address recipient;
        uint256 amount;
    }

    /// @notice Inclusion proof of a withdrawal in a posted root.
    struct Proof {
        bytes32 root;
        uint256 index;
        bytes32[] siblings;
    }

    /// @notice A certified withdrawal batch (one sidechain block).
    struct WithdrawalBatch {
        uint256 batchId;
        bytes32 root;
        uint256 count;
    }

    /// @notice A federation rotation, signed by the current epoch.
    struct EpochChange {
        uint256 newEpoch;
        bytes groupKey;
        uint256 threshold;
        uint256 memberCount;
        bytes32 membersHash;
    }

    /// @notice Registry entry and risk limits of one token (`address(0)` is ETH).
    /// @dev    periodLimit/delayThreshold must fit 96 bits, periodSeconds/delaySeconds 24 bits.
    struct TokenSettings {
        address token;
        bool registered;
        uint256 periodLimit;
        uint256 periodSeconds;
        uint256 delayThreshold;
        uint256 delaySeconds;
    }

    /// @notice Governance message changing one pauser.
    struct PauserUpdate {
        uint256 governanceNonce;
        address pauser;
        bool enabled;
    }

    struct TokenLimits {
        bool registered;
        uint24 periodSeconds;
        uint24 delaySeconds;
        uint96 periodLimit;
        uint96 delayThreshold;
    }

    struct TokenFlow {
        uint128 locked;
        uint96 spent;
        uint32 periodStart;
    }

    struct RootInfo {
        uint64 count;
        uint40 postedAt;
        uint64 epoch;
    }

    /// @dev Hot state read by every post, claim and deposit: one slot.
    struct Federation {
        address keyPointer;
        uint64 epoch;
        bool paused;
    }

    struct EpochInfo {
        address keyPointer;
        uint32 threshold;
        uint32 memberCount;
        bytes32 membersHash;
    }

    // ------------------------------------------------------------------ errors

    error ZeroAmount();
    error ZeroAddress();
    error ZeroSidechainId();
    error InvalidRecipient(address recipient);
    error TokenNotRegistered(address token);
    error EthNotAccepted();
    error AmountTooLarge(uint256 amount);
    error Paused();
    error NotPaused();
    error NotPauser(address caller);
    error InvalidSignature();
    error ZeroRoot();
    error InvalidCount(uint256 count);
    error RootAlreadyPosted(bytes32 root);
    error UnknownRoot(bytes32 root);
    error InvalidProof();
    error AlreadyClaimed(uint256 nonce);
    error WithdrawalDelayed(uint256 nonce, uint256 readyAt);
    error PeriodLimitExceeded(address token, uint256 amount, uint256 available);
    error InsufficientLocked(address token, uint256 amount, uint256 locked);
    error EthTransferFailed(address recipient);
    error LengthMismatch();
    error EmptyClaim();
    error WrongEpoch(uint256 expected, uint256 got);
    error InvalidThreshold(uint256 threshold, uint256 memberCount);
    error WrongGovernanceNonce(uint256 expected, uint256 got);
    error LimitOutOfRange();
    error KeyStorageFailed();

    // ------------------------------------------------------------------ events

    /// @notice A deposit for the sidechain; leaf = depositLeaf(nonce, token, sender, recipient, amount).
    event Deposit(
        uint256 indexed nonce, address indexed token, address indexed sender, address recipient, uint256 amount
    );
    event WithdrawalRootPosted(bytes32 indexed root, uint256 indexed batchId, uint256 count, uint256 epoch);
    event WithdrawalPaid(uint256 indexed nonce, address indexed token, address indexed recipient, uint256 amount);
    event EpochRotated(uint256 indexed epoch, bytes32 groupKeyHash, uint256 threshold, uint256 memberCount);
    event TokenConfigured(
        address indexed token,
        bool registered,
        uint256 periodLimit,
        uint256 periodSeconds,
        uint256 delayThreshold,
        uint256 delaySeconds
    );
    event PauserChanged(address indexed pauser, bool enabled);
    event PausedBy(address indexed pauser);
    event Unpaused(uint256 governanceNonce);

    // ------------------------------------------------------------------ state

    /// @notice Sidechain id in every signed digest.
    uint256 public immutable sidechainId;

    Federation private _federation;
    mapping(uint256 epoch => EpochInfo) private _epochs;
    mapping(bytes32 root => RootInfo) private _roots;
    mapping(uint256 word => uint256 bits) private _claimed;
    mapping(address token => TokenLimits) private _limits;
    mapping(address token => TokenFlow) private _flows;
    mapping(address pauser => bool) public isPauser;

    /// @notice Number of deposits so far; the next deposit gets nonce `depositCount + 1`.
    uint256 public depositCount;
    /// @notice The only governance nonce accepted next (TokenConfig, PauserUpdate, Unpause).
    uint256 public governanceNonce;

    // ------------------------------------------------------------------ construction

    /// @notice Deploys the vault with epoch 0 set atomically (there is no initializer).
    /// @param sidechainId_ Sidechain id (non-zero) bound into every digest.
    /// @param groupKey Epoch-0 group public key, 256-byte EIP-2537 G2, validated here.
    /// @param threshold Signing threshold t of the epoch-0 federation (⌊2n/3⌋+1 ≤ t ≤ n).
    /// @param memberCount Number of members n of the epoch-0 federation.
    /// @param membersHash Commitment to the member list (opaque here, see docs/encoding.md).
    /// @param pausers Addresses allowed to pause.
    /// @param tokens Initial registry (use `address(0)` for ETH).
    constructor(
        uint256 sidechainId_,
        bytes memory groupKey,
        uint256 threshold,
        uint256 memberCount,
        bytes32 membersHash,
        address[] memory pausers,
        TokenSettings[] memory tokens
    ) {
        // SECURITY: no zero domain, no identity key, no impossible threshold (threats row 3).
        if (sidechainId_ == 0) revert ZeroSidechainId();
        sidechainId = sidechainId_;
        _setEpoch(0, groupKey, threshold, memberCount, membersHash);
        for (uint256 i = 0; i < pausers.length; ++i) {
            _setPauser(pausers[i], true);
        }
        for (uint256 i = 0; i < tokens.length; ++i) {
            _configureToken(tokens[i]);
        }
    }

    // ------------------------------------------------------------------ deposits

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

    function _recordDeposit(address token, address recipient, uint256 amount) private returns (uint256 nonce) {
        TokenFlow storage flow = _flows[token];
        uint256 locked = uint256(flow.locked) + amount;
        if (locked > type(uint128).max) revert AmountTooLarge(amount);
        flow.locked = uint128(locked);
        nonce = ++depositCount;
        emit Deposit(nonce, token, msg.sender, recipient, amount);
    }

    /// @dev Plain ETH transfers are refused: deposits must name a recipient.
    receive() external payable {
        revert EthNotAccepted();
    }

    // ------------------------------------------------------------------ withdrawals

    /// @notice Stores a withdrawal root certified by the current federation epoch. Verifies the
    ///         BLS certificate once; claims then only need Merkle proofs.
    /// @param batch The batch (sidechain block number, root, number of leaves).
    /// @param signature 128-byte EIP-2537 G1 group signature over the WithdrawalBatch digest.
    function postWithdrawalRoot(WithdrawalBatch calldata batch, bytes calldata signature) external {
        Federation memory fed = _federation;
        if (fed.paused) revert Paused();
        // SECURITY: the zero root is never valid (Nomad, threats row 3).
        if (batch.root == bytes32(0)) revert ZeroRoot();
        if (batch.count == 0 || batch.count > type(uint64).max) revert InvalidCount(batch.count);
        // SECURITY: a root is posted once: the same certificate twice is refused (replay).
        if (_roots[batch.root].count != 0) revert RootAlreadyPosted(batch.root);
        bytes32 digest =
            BridgeEncoding.withdrawalBatchDigest(_domain(fed.epoch), batch.batchId, batch.root, batch.count);
        _requireCertificate(fed.keyPointer, digest, signature);
        _roots[batch.root] = RootInfo({count: uint64(batch.count), postedAt: uint40(block.timestamp), epoch: fed.epoch});
        emit WithdrawalRootPosted(batch.root, batch.batchId, batch.count, fed.epoch);
    }

    /// @notice Pays one withdrawal of a posted root. Anyone may call; funds go to the recipient.
    /// @param withdrawal The leaf contents.
    /// @param proof Root, leaf index and siblings (exactly ceil(log2(count)) of them).
    function claim(Withdrawal calldata withdrawal, Proof calldata proof) external nonReentrant {
        _requireNotPaused();
        _settle(withdrawal, proof);
        _pay(withdrawal);
    }

    /// @notice Pays several withdrawals (any roots) in one transaction; all or nothing.
    /// @param withdrawals The leaves.
    /// @param proofs One proof per leaf, same order.
    function claimMany(Withdrawal[] calldata withdrawals, Proof[] calldata proofs) external nonReentrant {
        _requireNotPaused();
        uint256 n = withdrawals.length;
        if (n == 0) revert EmptyClaim();
        if (n != proofs.length) revert LengthMismatch();
        // SECURITY: checks and effects for every withdrawal first, then all interactions.
        for (uint256 i = 0; i < n; ++i) {
            _settle(withdrawals[i], proofs[i]);
        }
        for (uint256 i = 0; i < n; ++i) {
            _pay(withdrawals[i]);
        }
    }

    /// @dev Checks a claim and applies its effects (nullifier, limits, accounting).
    function _settle(Withdrawal calldata w, Proof calldata p) private {
        if (w.amount == 0) revert ZeroAmount();
        // SECURITY: paying the vault itself would unbalance the books (locked < balance).
        if (w.recipient == address(0) || w.recipient == address(this)) revert InvalidRecipient(w.recipient);
        RootInfo memory info = _roots[p.root];
        // SECURITY: only roots posted with a valid certificate exist; unknown (incl. zero) roots fail.
        if (info.count == 0) revert UnknownRoot(p.root);
        bytes32 leaf = BridgeEncoding.withdrawalLeaf(w.nonce, w.token, w.sender, w.recipient, w.amount);
        if (Merkle.computeRoot(leaf, p.index, info.count, p.siblings) != p.root) revert InvalidProof();

        // SECURITY: the withdrawal nonce is the nullifier: each withdrawal is paid at most once.
        uint256 word = w.nonce >> 8;
        uint256 bit = uint256(1) << (w.nonce & 0xff);
        uint256 bits = _claimed[word];
        if (bits & bit != 0) revert AlreadyClaimed(w.nonce);
        _claimed[word] = bits | bit;

        TokenLimits memory limits = _limits[w.token];
        // SECURITY: large withdrawals wait `delaySeconds` after their root was posted, giving
        // pausers time to react to a stolen-key certificate (threats row 9).
        if (w.amount > limits.delayThreshold) {
            uint256 readyAt = uint256(info.postedAt) + limits.delaySeconds;
            if (block.timestamp < readyAt) revert WithdrawalDelayed(w.nonce, readyAt);
        }
        TokenFlow memory flow = _flows[w.token];
        if (block.timestamp >= uint256(flow.periodStart) + limits.periodSeconds) {
            flow.periodStart = uint32(block.timestamp);
            flow.spent = 0;
        }
        // SECURITY: per-token outflow limit per period; above it the claim waits for a later period.
        // (a limit lowered by governance below what this period already spent leaves 0, not a panic)
        uint256 available = flow.spent >= limits.periodLimit ? 0 : uint256(limits.periodLimit) - flow.spent;
        if (w.amount > available) revert PeriodLimitExceeded(w.token, w.amount, available);
        // SECURITY: never pay more of a token than was deposited (an on-chain accountant).
        if (w.amount > flow.locked) revert InsufficientLocked(w.token, w.amount, flow.locked);
        flow.spent += uint96(w.amount);
        flow.locked -= uint128(w.amount);
        _flows[w.token] = flow;
    }

    /// @dev Interaction last (checks-effects-interactions).
    function _pay(Withdrawal calldata w) private {
        if (w.token == address(0)) {
            (bool ok,) = w.recipient.call{value: w.amount}("");
            if (!ok) revert EthTransferFailed(w.recipient);
        } else {
            IERC20(w.token).safeTransfer(w.recipient, w.amount);
        }
        emit WithdrawalPaid(w.nonce, w.token, w.recipient, w.amount);
    }

    // ------------------------------------------------------------------ epochs

    /// @notice Rotates the federation to epoch + 1. Only the current epoch can sign it; posted
    ///         roots stay claimable.
    /// @param change The new epoch, group key (256-byte EIP-2537 G2), threshold, size, members hash.
    /// @param signature Current epoch's group signature over the EpochChange digest.
    function rotateEpoch(EpochChange calldata change, bytes calldata signature) external {
        Federation memory fed = _federation;
        uint256 next = uint256(fed.epoch) + 1;
        if (change.newEpoch != next) revert WrongEpoch(next, change.newEpoch);
        bytes32 digest = BridgeEncoding.epochChangeDigest(
            _domain(fed.epoch),
            change.newEpoch,
            change.groupKey,
            change.threshold,
            change.memberCount,
            change.membersHash
        );
        _requireCertificate(fed.keyPointer, digest, signature);
        _setEpoch(next, change.groupKey, change.threshold, change.memberCount, change.membersHash);
    }

    function _setEpoch(
        uint256 epoch,
        bytes memory groupKey,
        uint256 threshold,
        uint256 memberCount,
        bytes32 membersHash
    ) private {
        // SECURITY: t = 0, t > n and t < ⌊2n/3⌋+1 are refused (threats rows 3 and 4).
        if (
            memberCount == 0 || memberCount > type(uint32).max || threshold > memberCount
                || threshold < (2 * memberCount) / 3 + 1
        ) revert InvalidThreshold(threshold, memberCount);
        // SECURITY: canonical, non-identity, on-curve, in-subgroup key only (threats rows 2, 3).
        BLS.validatePublicKey(groupKey);
        address pointer = _storeKey(groupKey);
        _epochs[epoch] = EpochInfo({
            keyPointer: pointer,
            threshold: uint32(threshold),
            memberCount: uint32(memberCount),
            membersHash: membersHash
        });
        _federation.keyPointer = pointer;
        _federation.epoch = uint64(epoch);
        emit EpochRotated(epoch, keccak256(groupKey), threshold, memberCount);
    }

    /// @dev Stores the key as the code of a data contract (0x00 ‖ key): reading it back costs one
    ///      EXTCODECOPY instead of eight cold SLOADs.
    function _storeKey(bytes memory key) private returns (address pointer) {
        bytes memory init = abi.encodePacked(hex"61010180600a3d393df3", hex"00", key);
        assembly ("memory-safe") {
            pointer := create(0, add(init, 32), mload(init))
        }
        if (pointer == address(0)) revert KeyStorageFailed();
    }

    function _loadKey(address pointer) private view returns (bytes memory key) {
        key = new bytes(BLS.G2_LENGTH);
        assembly ("memory-safe") {
            extcodecopy(pointer, add(key, 32), 1, 256)
        }
    }

    function _requireCertificate(address keyPointer, bytes32 digest, bytes calldata signature) private view {
        // SECURITY: BLS.verify reverts on malformed input and precompile failure; only a true
        // pairing result passes (threats row 2).
        if (!BLS.verify(abi.encodePacked(digest), signature, _loadKey(keyPointer), BridgeEncoding.DST)) {
            revert InvalidSignature();
        }
    }

    // ------------------------------------------------------------------ governance

    /// @notice Registers, deregisters or re-limits a token; needs a federation certificate.
    /// @param nonce Must equal {governanceNonce}.
    /// @param settings New settings (limits must fit 96 bits, durations 24 bits; a registered
    ///        token needs periodSeconds > 0).
    /// @param signature Current epoch's group signature over the TokenConfig digest.
    function configureToken(uint256 nonce, TokenSettings calldata settings, bytes calldata signature) external {
        bytes32 digest = BridgeEncoding.tokenConfigDigest(
            _domain(_federation.epoch),
            nonce,
            settings.token,
            settings.registered,
            settings.periodLimit,
            settings.periodSeconds,
            settings.delayThreshold,
            settings.delaySeconds
        );
        _useGovernance(nonce, digest, signature);
        _configureToken(settings);
    }

    /// @notice Adds or removes a pauser; needs a federation certificate.
    /// @param update Nonce (must equal {governanceNonce}), pauser, enabled.
    /// @param signature Current epoch's group signature over the PauserUpdate digest.
    function updatePauser(PauserUpdate calldata update, bytes calldata signature) external {
        bytes32 digest = BridgeEncoding.pauserUpdateDigest(
            _domain(_federation.epoch), update.governanceNonce, update.pauser, update.enabled
        );
        _useGovernance(update.governanceNonce, digest, signature);
        _setPauser(update.pauser, update.enabled);
    }

    /// @notice Pauses deposits, root posting and claims. Any pauser may call.
    function pause() external {
        // SECURITY: pausing is the only action without a certificate, and only for pausers (row 13).
        if (!isPauser[msg.sender]) revert NotPauser(msg.sender);
        _federation.paused = true;
        emit PausedBy(msg.sender);
    }

    /// @notice Lifts a pause; needs a federation certificate.
    /// @param nonce Must equal {governanceNonce}.
    /// @param signature Current epoch's group signature over the Unpause digest.
    function unpause(uint256 nonce, bytes calldata signature) external {
        if (!_federation.paused) revert NotPaused();
        _useGovernance(nonce, BridgeEncoding.unpauseDigest(_domain(_federation.epoch), nonce), signature);
        _federation.paused = false;
        emit Unpaused(nonce);
    }

    function _useGovernance(uint256 nonce, bytes32 digest, bytes calldata signature) private {
        // SECURITY: one-shot governance nonce: an old certificate can never be replayed.
        if (nonce != governanceNonce) revert WrongGovernanceNonce(governanceNonce, nonce);
        _requireCertificate(_federation.keyPointer, digest, signature);
        governanceNonce = nonce + 1;
    }

    function _configureToken(TokenSettings memory s) private {
        if (
            s.periodLimit > type(uint96).max || s.delayThreshold > type(uint96).max
                || s.periodSeconds > type(uint24).max || s.delaySeconds > type(uint24).max
                || (s.registered && s.periodSeconds == 0)
        ) revert LimitOutOfRange();
        _limits[s.token] = TokenLimits({
            registered: s.registered,
            periodSeconds: uint24(s.periodSeconds),
            delaySeconds: uint24(s.delaySeconds),
            periodLimit: uint96(s.periodLimit),
            delayThreshold: uint96(s.delayThreshold)
        });
        emit TokenConfigured(s.token, s.registered, s.periodLimit, s.periodSeconds, s.delayThreshold, s.delaySeconds);
    }

    function _setPauser(address pauser, bool enabled) private {
        if (pauser == address(0)) revert ZeroAddress();
        isPauser[pauser] = enabled;
        emit PauserChanged(pauser, enabled);
    }

    function _requireNotPaused() private view {
        // SECURITY: while paused no value moves in or out.
        if (_federation.paused) revert Paused();
    }

    function _domain(uint64 epoch) private view returns (BridgeEncoding.Domain memory) {
        // SECURITY: chain id read at call time, vault address and epoch in every digest (replay).
        return
            BridgeEncoding.Domain({
                l1ChainId: block.chainid, vault: address(this), sidechainId: sidechainId, epoch: epoch
            });
    }

    // ------------------------------------------------------------------ views

    /// @notice Current epoch number.
    function currentEpoch() external view returns (uint256) {
        return _federation.epoch;
    }

    /// @notice Whether deposits, posting and claims are paused.
    function paused() external view returns (bool) {
        return _federation.paused;
    }

    /// @notice Group key, threshold, member count and members hash of an epoch.
    function epochInfo(uint256 epoch)
        external
        view
        returns (bytes memory groupKey, uint256 threshold, uint256 memberCount, bytes32 membersHash)
    {
        EpochInfo memory e = _epochs[epoch];
        if (e.keyPointer == address(0)) revert WrongEpoch(_federation.epoch, epoch);
        return (_loadKey(e.keyPointer), e.threshold, e.memberCount, e.membersHash);
    }

    /// @notice Posted root data; count 0 means "not posted".
    function rootInfo(bytes32 root) external view returns (uint256 count, uint256 postedAt, uint256 epoch) {
        RootInfo memory r = _roots[root];
        return (r.count, r.postedAt, r.epoch);
    }

    /// @notice Whether withdrawal `nonce` was paid.
    function isClaimed(uint256 nonce) external view returns (bool) {
        return _claimed[nonce >> 8] & (uint256(1) << (nonce & 0xff)) != 0;
    }

    /// @notice Registry entry and limits of a token.
    function tokenSettings(address token) external view returns (TokenSettings memory) {
        TokenLimits memory l = _limits[token];
        return TokenSettings(token, l.registered, l.periodLimit, l.periodSeconds, l.delayThreshold, l.delaySeconds);
    }

    /// @notice Locked amount (deposits minus payouts), spent in the current period, period start.
    function tokenFlow(address token) external view returns (uint256 locked, uint256 spent, uint256 periodStart) {
        TokenFlow memory f = _flows[token];
        return (f.locked, f.spent, f.periodStart);
    }

    /// @notice WithdrawalBatch digest the current epoch must sign for `batch`.
    function withdrawalBatchDigest(WithdrawalBatch calldata batch) external view returns (bytes32) {
        return BridgeEncoding.withdrawalBatchDigest(_domain(_federation.epoch), batch.batchId, batch.root, batch.count);
    }

    /// @notice EpochChange digest the current epoch must sign for `change`.
    function epochChangeDigest(EpochChange calldata change) external view returns (bytes32) {
        return BridgeEncoding.epochChangeDigest(
            _domain(_federation.epoch),
            change.newEpoch,
            change.groupKey,
            change.threshold,
            change.memberCount,
            change.membersHash
        );
    }

    /// @notice TokenConfig digest the current epoch must sign.
    function tokenConfigDigest(uint256 nonce, TokenSettings calldata s) external view returns (bytes32) {
        return BridgeEncoding.tokenConfigDigest(
            _domain(_federation.epoch),
            nonce,
            s.token,
            s.registered,
            s.periodLimit,
            s.periodSeconds,
            s.delayThreshold,
            s.delaySeconds
        );
    }

    /// @notice PauserUpdate digest the current epoch must sign.
    function pauserUpdateDigest(PauserUpdate calldata u) external view returns (bytes32) {
        return BridgeEncoding.pauserUpdateDigest(_domain(_federation.epoch), u.governanceNonce, u.pauser, u.enabled);
    }

    /// @notice Unpause digest the current epoch must sign.
    function unpauseDigest(uint256 nonce) external view returns (bytes32) {
        return BridgeEncoding.unpauseDigest(_domain(_federation.epoch), nonce);
    }

    /// @notice Withdrawal leaf as in docs/encoding.md.
    function withdrawalLeaf(Withdrawal calldata w) external pure returns (bytes32) {
        return BridgeEncoding.withdrawalLeaf(w.nonce, w.token, w.sender, w.recipient, w.amount);
    }
}
