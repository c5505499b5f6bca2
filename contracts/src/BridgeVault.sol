// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {BLS} from "./BLS.sol";
import {BridgeEncoding} from "./BridgeEncoding.sol";
import {Merkle} from "./Merkle.sol";
import {OutflowLimit} from "./OutflowLimit.sol";

/// @title fedbridge L1 vault
/// @notice Locks ETH and registered ERC-20s for the sidechain and pays withdrawals that the
///         federation certified with one threshold-BLS signature per batch (a Merkle root).
///         There is no owner and no upgrade path. The vault is built to survive a stolen
///         federation key (docs/security.md, "If the federation's key is stolen"):
///         - every withdrawal root waits out a challenge period before it pays; inside it any
///           pauser with an active veto can revoke it, and a later epoch can revoke it at any time;
///         - every change that loosens a control (higher limits, shorter periods or delays,
///           (de)registering, removing a pauser, unpausing, rotating) waits `governanceDelay` in
///           a queue that pausers can cancel; tightening applies at once;
///         - per-token outflow is capped over any window of one period (`OutflowLimit`), and
///           never exceeds what was deposited.
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
    /// @dev    periodLimit/delayThreshold must fit 96 bits, periodSeconds (≥ 1)/delaySeconds 24 bits.
    struct TokenSettings {
        address token;
        bool registered;
        uint256 periodLimit;
        uint256 periodSeconds;
        uint256 delayThreshold;
        uint256 delaySeconds;
    }

    /// @notice Governance message adding or removing one pauser.
    struct PauserUpdate {
        uint256 governanceNonce;
        address pauser;
        bool enabled;
    }

    /// @notice Governance message lifting the pause number `pauseCount`.
    struct Unpause {
        uint256 governanceNonce;
        uint256 pauseCount;
    }

    /// @notice A posted root as the relayer sees it (count 0: never posted).
    struct RootStatus {
        uint256 batchId;
        uint256 count;
        uint256 epoch;
        uint256 postedAt;
        uint256 claimableAt;
        bool revoked;
    }

    /// @notice A token's books: locked for the sidechain, owed to recipients whose payout failed,
    ///         outflow counted now against the limit, and what still fits under it now.
    struct TokenFlow {
        uint256 locked;
        uint256 owed;
        uint256 spentInWindow;
        uint256 available;
    }

    enum OperationKind {
        None,
        TokenConfig,
        PauserUpdate,
        Unpause,
        EpochChange
    }

    enum OperationState {
        None,
        Queued,
        Executed,
        Cancelled
    }

    /// @notice A queued governance operation; `subject` is the pauser a removal removes.
    struct Operation {
        OperationState state;
        OperationKind kind;
        uint256 epoch;
        uint256 readyAt;
        address subject;
    }

    struct TokenLimits {
        bool registered;
        uint24 periodSeconds;
        uint24 delaySeconds;
        uint96 periodLimit;
        uint96 delayThreshold;
    }

    struct RootInfo {
        uint64 batchId;
        uint64 count;
        uint40 postedAt;
        uint64 epoch;
        bool revoked;
    }

    struct OperationRecord {
        OperationState state;
        OperationKind kind;
        uint40 epoch;
        uint40 readyAt;
        address subject;
    }

    struct PauserInfo {
        bool active;
        uint64 vetoActiveFrom;
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
    error AlreadyPaused();
    error NotPauser(address caller);
    error VetoNotActive(address pauser, uint256 activeFrom);
    error InvalidSignature();
    error ZeroRoot();
    error InvalidCount(uint256 count);
    error InvalidBatchId(uint256 batchId);
    error RootAlreadyPosted(bytes32 root);
    error BatchAlreadyPosted(uint256 batchId);
    error UnknownRoot(bytes32 root);
    error RootIsRevoked(bytes32 root);
    error ChallengeWindowClosed(bytes32 root, uint256 closedAt);
    error RevocationNeedsLaterEpoch(bytes32 root, uint256 rootEpoch);
    error InvalidProof();
    error AlreadyClaimed(uint256 nonce);
    error WithdrawalDelayed(uint256 nonce, uint256 readyAt);
    error PeriodLimitExceeded(address token, uint256 amount, uint256 available);
    error InsufficientLocked(address token, uint256 amount, uint256 locked);
    error InsufficientGasForPayout(uint256 gasLeft, uint256 needed);
    error EthTransferFailed(address recipient);
    error NothingOwed(address recipient, address token);
    error LengthMismatch();
    error EmptyClaim();
    error WrongEpoch(uint256 expected, uint256 got);
    error InvalidThreshold(uint256 threshold, uint256 memberCount);
    error WrongGovernanceNonce(uint256 expected, uint256 got);
    error WrongPauseCount(uint256 expected, uint256 got);
    error LimitOutOfRange();
    error InvalidDelay(uint256 delay);
    error KeyStorageFailed();
    error OperationExists(bytes32 id);
    error UnknownOperation(bytes32 id);
    error OperationNotReady(bytes32 id, uint256 readyAt);
    error CannotCancelOwnRemoval(address pauser);

    // ------------------------------------------------------------------ events

    /// @notice A deposit for the sidechain; leaf = depositLeaf(nonce, token, sender, recipient, amount).
    event Deposit(
        uint256 indexed nonce, address indexed token, address indexed sender, address recipient, uint256 amount
    );
    event WithdrawalRootPosted(
        bytes32 indexed root, uint256 indexed batchId, uint256 count, uint256 epoch, uint256 claimableAt
    );
    event WithdrawalPaid(uint256 indexed nonce, address indexed token, address indexed recipient, uint256 amount);
    /// @notice The payout failed; the recipient can pull it with {withdrawOwed}.
    event PayoutDeferred(uint256 indexed nonce, address indexed token, address indexed recipient, uint256 amount);
    event OwedWithdrawn(address indexed recipient, address indexed token, address to, uint256 amount);
    event RootRevokedByPauser(bytes32 indexed root, uint256 indexed batchId, address indexed pauser);
    event RootRevokedByCertificate(bytes32 indexed root, uint256 indexed batchId, uint256 epoch);
    /// @notice `payload` is abi.encode of the execute call's arguments.
    event OperationQueued(bytes32 indexed id, OperationKind indexed kind, uint256 readyAt, bytes payload);
    event OperationExecuted(bytes32 indexed id, OperationKind indexed kind);
    event OperationCancelled(bytes32 indexed id, address indexed pauser);
    event EpochRotated(uint256 indexed epoch, bytes32 groupKeyHash, uint256 threshold, uint256 memberCount);
    event TokenConfigured(
        address indexed token,
        bool registered,
        uint256 periodLimit,
        uint256 periodSeconds,
        uint256 delayThreshold,
        uint256 delaySeconds
    );
    event PauserChanged(address indexed pauser, bool enabled, uint256 vetoActiveFrom);
    event PausedBy(address indexed pauser, uint256 indexed pauseCount);
    event Unpaused(uint256 indexed pauseCount);

    // ------------------------------------------------------------------ constants and state

    /// @notice Gas given to an ETH recipient; a recipient that needs more is paid through {withdrawOwed}.
    uint256 public constant ETH_PAYOUT_GAS = 30_000;
    /// @notice Gas given to an ERC-20 `transfer` of a payout.
    uint256 public constant TOKEN_PAYOUT_GAS = 100_000;
    /// @dev What a CALL may cost the caller besides the gas it forwards (cold account, value
    ///      transfer, new account) plus bookkeeping after it.
    uint256 private constant PAYOUT_CALL_OVERHEAD = 40_000;

    /// @notice Sidechain id in every signed digest.
    uint256 public immutable sidechainId;
    /// @notice How long a loosening change waits in the queue (seconds).
    uint256 public immutable governanceDelay;
    /// @notice How long a posted root waits before it pays (seconds): the window to revoke it.
    uint256 public immutable challengePeriod;

    Federation private _federation;
    mapping(uint256 epoch => EpochInfo) private _epochs;
    mapping(bytes32 root => RootInfo) private _roots;
    mapping(uint256 word => uint256 bits) private _liveBatches;
    mapping(uint256 word => uint256 bits) private _claimed;
    mapping(address token => TokenLimits) private _limits;
    mapping(address token => OutflowLimit.Flow) private _flows;
    mapping(address recipient => mapping(address token => uint256)) private _owed;
    mapping(address token => uint256) private _owedTotal;
    mapping(address pauser => PauserInfo) private _pausers;
    mapping(bytes32 id => OperationRecord) private _operations;

    /// @notice Number of deposits so far; the next deposit gets nonce `depositCount + 1`.
    uint256 public depositCount;
    /// @notice The only governance nonce accepted next (TokenConfig, PauserUpdate, Unpause).
    uint256 public governanceNonce;
    /// @notice Number of pauses so far; an Unpause certificate names the one it lifts.
    uint256 public pauseCount;

    // ------------------------------------------------------------------ construction

    /// @notice Deploys the vault with epoch 0 set atomically (there is no initializer).
    /// @param sidechainId_ Sidechain id (non-zero) bound into every digest.
    /// @param groupKey Epoch-0 group public key, 256-byte EIP-2537 G2, validated here.
    /// @param threshold Signing threshold t of the epoch-0 federation (⌊2n/3⌋+1 ≤ t ≤ n).
    /// @param memberCount Number of members n of the epoch-0 federation.
    /// @param membersHash Commitment to the member list (opaque here, see docs/encoding.md).
    /// @param pausers Addresses allowed to pause; their veto is active at once.
    /// @param tokens Initial registry (use `address(0)` for ETH).
    /// @param governanceDelay_ Queue delay of loosening changes, 1 … 2^24-1 seconds.
    /// @param challengePeriod_ Wait of every posted root before it pays, 1 … 2^24-1 seconds.
    constructor(
        uint256 sidechainId_,
        bytes memory groupKey,
        uint256 threshold,
        uint256 memberCount,
        bytes32 membersHash,
        address[] memory pausers,
        TokenSettings[] memory tokens,
        uint256 governanceDelay_,
        uint256 challengePeriod_
    ) {
        // SECURITY: no zero domain, no identity key, no impossible threshold (threats row 3).
        if (sidechainId_ == 0) revert ZeroSidechainId();
        // SECURITY: a zero delay would switch the timelock or the challenge period off.
        if (governanceDelay_ == 0 || governanceDelay_ > type(uint24).max) revert InvalidDelay(governanceDelay_);
        if (challengePeriod_ == 0 || challengePeriod_ > type(uint24).max) revert InvalidDelay(challengePeriod_);
        sidechainId = sidechainId_;
        governanceDelay = governanceDelay_;
        challengePeriod = challengePeriod_;
        _setEpoch(0, groupKey, threshold, memberCount, membersHash);
        for (uint256 i = 0; i < pausers.length; ++i) {
            if (pausers[i] == address(0)) revert ZeroAddress();
            _pausers[pausers[i]] = PauserInfo(true, uint64(block.timestamp));
            emit PauserChanged(pausers[i], true, block.timestamp);
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
        OutflowLimit.Flow storage flow = _flows[token];
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

    // ------------------------------------------------------------------ withdrawal roots

    /// @notice Stores a withdrawal root certified by the current federation epoch. It pays after
    ///         `challengePeriod`; one live root per batchId (sidechain block).
    /// @param batch The batch (sidechain block number < 2^64, root, number of leaves).
    /// @param signature 128-byte EIP-2537 G1 group signature over the WithdrawalBatch digest.
    function postWithdrawalRoot(WithdrawalBatch calldata batch, bytes calldata signature) external {
        Federation memory fed = _federation;
        if (fed.paused) revert Paused();
        // SECURITY: the zero root is never valid (Nomad, threats row 3).
        if (batch.root == bytes32(0)) revert ZeroRoot();
        if (batch.count == 0 || batch.count > type(uint64).max) revert InvalidCount(batch.count);
        if (batch.batchId > type(uint64).max) revert InvalidBatchId(batch.batchId);
        // SECURITY: a root is posted once, revoked or not: the same certificate twice is refused
        // (replay) and a revoked root can never come back.
        if (_roots[batch.root].count != 0) revert RootAlreadyPosted(batch.root);
        // SECURITY: one live root per sidechain block (issue 9 item 7); a revoked root frees it,
        // so a forged root cannot block the honest one for good.
        (uint256 word, uint256 bit) = (batch.batchId >> 8, uint256(1) << (batch.batchId & 0xff));
        uint256 bits = _liveBatches[word];
        if (bits & bit != 0) revert BatchAlreadyPosted(batch.batchId);
        bytes32 digest =
            BridgeEncoding.withdrawalBatchDigest(_domain(fed.epoch), batch.batchId, batch.root, batch.count);
        _requireCertificate(fed.keyPointer, digest, signature);
        _liveBatches[word] = bits | bit;
        _roots[batch.root] = RootInfo({
            batchId: uint64(batch.batchId),
            count: uint64(batch.count),
            postedAt: uint40(block.timestamp),
            epoch: fed.epoch,
            revoked: false
        });
        emit WithdrawalRootPosted(batch.root, batch.batchId, batch.count, fed.epoch, block.timestamp + challengePeriod);
    }

    /// @notice A pauser revokes a root inside its challenge period (a watcher found it does not
    ///         match the sidechain). A revoked root pays nothing, ever.
    function revokeRoot(bytes32 root) external {
        _requireVeto(msg.sender);
        RootInfo memory info = _liveRoot(root);
        uint256 closedAt = uint256(info.postedAt) + challengePeriod;
        // SECURITY: after the challenge period only a later epoch can revoke: a pauser alone
        // cannot stop roots that everyone had the time to check.
        if (block.timestamp >= closedAt) revert ChallengeWindowClosed(root, closedAt);
        _revoke(root, info);
        emit RootRevokedByPauser(root, info.batchId, msg.sender);
    }

    /// @notice Revokes a root of an earlier epoch with a certificate of the current one, at any
    ///         time (also while paused). A revoked root pays nothing, ever.
    /// @param signature Current epoch's group signature over the RootRevocation digest.
    function submitRootRevocation(bytes32 root, bytes calldata signature) external {
        RootInfo memory info = _liveRoot(root);
        uint64 epoch = _federation.epoch;
        // SECURITY: only a later federation revokes: a stolen key cannot revoke the honest roots
        // of its own epoch, and the next epoch can revoke whatever the stolen key posted.
        if (info.epoch >= epoch) revert RevocationNeedsLaterEpoch(root, info.epoch);
        _requireCertificate(_federation.keyPointer, rootRevocationDigest(root), signature);
        _revoke(root, info);
        emit RootRevokedByCertificate(root, info.batchId, epoch);
    }

    function _liveRoot(bytes32 root) private view returns (RootInfo memory info) {
        info = _roots[root];
        if (info.count == 0) revert UnknownRoot(root);
        if (info.revoked) revert RootIsRevoked(root);
    }

    function _revoke(bytes32 root, RootInfo memory info) private {
        _roots[root].revoked = true;
        _liveBatches[uint256(info.batchId) >> 8] &= ~(uint256(1) << (info.batchId & 0xff));
    }

    // ------------------------------------------------------------------ claims

    /// @notice Pays one withdrawal of a posted root. Anyone may call; funds go to the recipient
    ///         (or are owed to it if the payout fails).
    /// @param withdrawal The leaf contents.
    /// @param proof Root, leaf index and siblings (exactly ceil(log2(count)) of them).
    function claim(Withdrawal calldata withdrawal, Proof calldata proof) external nonReentrant {
        _requireNotPaused();
        if (isClaimed(withdrawal.nonce)) revert AlreadyClaimed(withdrawal.nonce);
        _settle(withdrawal, proof);
        _pay(withdrawal);
    }

    /// @notice Pays several withdrawals (any roots) in one transaction. Withdrawals already
    ///         claimed are skipped; any other failure reverts the whole call.
    /// @param withdrawals The leaves.
    /// @param proofs One proof per leaf, same order.
    function claimMany(Withdrawal[] calldata withdrawals, Proof[] calldata proofs) external nonReentrant {
        _requireNotPaused();
        uint256 n = withdrawals.length;
        if (n == 0) revert EmptyClaim();
        if (n != proofs.length) revert LengthMismatch();
        // SECURITY: checks and effects for every withdrawal first, then all interactions.
        bool[] memory settled = new bool[](n);
        for (uint256 i = 0; i < n; ++i) {
            // a front-run claim of one withdrawal must not sink the batch (issue 9 item 4)
            if (isClaimed(withdrawals[i].nonce)) continue;
            _settle(withdrawals[i], proofs[i]);
            settled[i] = true;
        }
        for (uint256 i = 0; i < n; ++i) {
            if (settled[i]) _pay(withdrawals[i]);
        }
    }

    /// @dev Checks a claim and applies its effects (nullifier, delays, limits, accounting).
    function _settle(Withdrawal calldata w, Proof calldata p) private {
        if (w.amount == 0) revert ZeroAmount();
        // SECURITY: paying the vault itself would unbalance the books (locked < balance).
        if (w.recipient == address(0) || w.recipient == address(this)) revert InvalidRecipient(w.recipient);
        RootInfo memory info = _roots[p.root];
        // SECURITY: only roots posted with a valid certificate exist; unknown (incl. zero) roots fail.
        if (info.count == 0) revert UnknownRoot(p.root);
        // SECURITY: a revoked root pays nothing, ever (also after unpause and rotation).
        if (info.revoked) revert RootIsRevoked(p.root);
        bytes32 leaf = BridgeEncoding.withdrawalLeaf(w.nonce, w.token, w.sender, w.recipient, w.amount);
        if (Merkle.computeRoot(leaf, p.index, info.count, p.siblings) != p.root) revert InvalidProof();

        // SECURITY: the withdrawal nonce is the nullifier: each withdrawal is paid at most once.
        _claimed[w.nonce >> 8] |= uint256(1) << (w.nonce & 0xff);

        TokenLimits memory limits = _limits[w.token];
        // SECURITY: nothing pays inside the challenge period (time for watchers to revoke a root
        // that contradicts the sidechain); large withdrawals may wait longer (threats row 9).
        uint256 readyAt = _readyAt(info.postedAt, limits, w.amount);
        if (block.timestamp < readyAt) revert WithdrawalDelayed(w.nonce, readyAt);

        OutflowLimit.Flow memory flow = _flows[w.token];
        uint256 slot = OutflowLimit.slotOf(limits.periodSeconds, block.timestamp);
        OutflowLimit.roll(flow, slot);
        // SECURITY: outflow over any window of one period stays within the limit (row 9); above
        // it the claim waits for older outflow to leave the window.
        uint256 available = OutflowLimit.available(flow, limits.periodLimit);
        if (w.amount > available) revert PeriodLimitExceeded(w.token, w.amount, available);
        // SECURITY: never pay more of a token than was deposited (an on-chain accountant).
        if (w.amount > flow.locked) revert InsufficientLocked(w.token, w.amount, flow.locked);
        OutflowLimit.record(flow, w.amount);
        flow.locked -= uint128(w.amount);
        _flows[w.token] = flow;
    }

    /// @dev Interaction last (checks-effects-interactions). A failing payout is owed, not reverted,
    ///      so one recipient or token cannot sink a batch or lock its own withdrawal forever.
    function _pay(Withdrawal calldata w) private {
        address recipient = w.recipient;
        uint256 amount = w.amount;
        bool ok;
        if (w.token == address(0)) {
            _requireGasFor(ETH_PAYOUT_GAS);
            // SECURITY: capped gas and no return data copied: a recipient can neither burn the
            // batch's gas nor return-bomb it.
            assembly ("memory-safe") {
                ok := call(ETH_PAYOUT_GAS, recipient, amount, 0, 0, 0, 0)
            }
        } else {
            _requireGasFor(TOKEN_PAYOUT_GAS);
            ok = _tryTransfer(w.token, recipient, amount);
        }
        if (ok) {
            emit WithdrawalPaid(w.nonce, w.token, recipient, amount);
        } else {
            _owed[recipient][w.token] += amount;
            _owedTotal[w.token] += amount;
            emit PayoutDeferred(w.nonce, w.token, recipient, amount);
        }
    }

    /// @dev SECURITY: a caller must leave the payout its whole cap (EIP-150 gives a call at most
    ///      63/64 of what is left); otherwise anyone could starve a payout into a debt.
    function _requireGasFor(uint256 cap) private view {
        uint256 needed = cap + cap / 63 + PAYOUT_CALL_OVERHEAD;
        if (gasleft() < needed) revert InsufficientGasForPayout(gasleft(), needed);
    }

    /// @dev SafeERC20's success rule (call succeeded; no return data from a contract, or `true`),
    ///      with capped gas and at most 32 bytes of return data read.
    function _tryTransfer(address token, address to, uint256 amount) private returns (bool ok) {
        bytes memory data = abi.encodeCall(IERC20.transfer, (to, amount));
        assembly ("memory-safe") {
            mstore(0, 0)
            ok := call(TOKEN_PAYOUT_GAS, token, 0, add(data, 32), mload(data), 0, 32)
            switch returndatasize()
            case 0 { ok := and(ok, gt(extcodesize(token), 0)) }
            default { ok := and(ok, and(gt(returndatasize(), 31), eq(mload(0), 1))) }
        }
    }

    /// @notice Pays `msg.sender` what the vault owes it in `token` (payouts that failed) to `to`,
    ///         with all the gas the caller gives.
    function withdrawOwed(address token, address to) external nonReentrant {
        _requireNotPaused();
        if (to == address(0) || to == address(this)) revert InvalidRecipient(to);
        uint256 amount = _owed[msg.sender][token];
        if (amount == 0) revert NothingOwed(msg.sender, token);
        _owed[msg.sender][token] = 0;
        _owedTotal[token] -= amount;
        if (token == address(0)) {
            (bool ok,) = to.call{value: amount}("");
            if (!ok) revert EthTransferFailed(to);
        } else {
            IERC20(token).safeTransfer(to, amount);
        }
        emit OwedWithdrawn(msg.sender, token, to, amount);
    }

    function _readyAt(uint256 postedAt, TokenLimits memory limits, uint256 amount) private view returns (uint256) {
        uint256 wait = challengePeriod;
        if (amount > limits.delayThreshold && limits.delaySeconds > wait) wait = limits.delaySeconds;
        return postedAt + wait;
    }

    // ------------------------------------------------------------------ governance: submit

    /// @notice Registers, deregisters or re-limits a token. Applied at once if it only tightens,
    ///         queued for `governanceDelay` otherwise.
    /// @param nonce Must equal {governanceNonce}.
    /// @param settings New settings (limits fit 96 bits, durations 24 bits, periodSeconds ≥ 1).
    /// @param signature Current epoch's group signature over the TokenConfig digest.
    /// @return id The digest, which is also the operation id when queued.
    function submitTokenConfig(uint256 nonce, TokenSettings calldata settings, bytes calldata signature)
        external
        returns (bytes32 id)
    {
        _validateSettings(settings);
        id = tokenConfigDigest(nonce, settings);
        _useGovernance(nonce, id, signature);
        if (tokenConfigIsTightening(settings)) {
            _configureToken(settings);
        } else {
            _queue(id, OperationKind.TokenConfig, address(0), abi.encode(nonce, settings));
        }
    }

    /// @notice Adds a pauser (at once; its veto is active after `governanceDelay`) or removes one
    ///         (at once while its veto is not active yet, queued otherwise).
    /// @param update Nonce (must equal {governanceNonce}), pauser, enabled.
    /// @param signature Current epoch's group signature over the PauserUpdate digest.
    function submitPauserUpdate(PauserUpdate calldata update, bytes calldata signature) external returns (bytes32 id) {
        if (update.pauser == address(0)) revert ZeroAddress();
        id = pauserUpdateDigest(update);
        _useGovernance(update.governanceNonce, id, signature);
        PauserInfo memory p = _pausers[update.pauser];
        if (update.enabled) {
            _addPauser(update.pauser);
        } else if (!p.active || block.timestamp < p.vetoActiveFrom) {
            // a pauser without veto yet only undoes a recent addition (e.g. one a thief made)
            _removePauser(update.pauser);
        } else {
            _queue(id, OperationKind.PauserUpdate, update.pauser, abi.encode(update));
        }
    }

    /// @notice Queues the lifting of the current pause.
    /// @param unpause Nonce (must equal {governanceNonce}) and the current {pauseCount}.
    /// @param signature Current epoch's group signature over the Unpause digest.
    function submitUnpause(Unpause calldata unpause, bytes calldata signature) external returns (bytes32 id) {
        _requireCurrentPause(unpause.pauseCount);
        id = unpauseDigest(unpause);
        _useGovernance(unpause.governanceNonce, id, signature);
        _queue(id, OperationKind.Unpause, address(0), abi.encode(unpause));
    }

    /// @notice Queues a rotation to epoch + 1; the current key keeps working until it executes.
    /// @param change The new epoch, group key (256-byte EIP-2537 G2), threshold, size, members hash.
    /// @param signature Current epoch's group signature over the EpochChange digest.
    function submitEpochChange(EpochChange calldata change, bytes calldata signature) external returns (bytes32 id) {
        uint256 next = uint256(_federation.epoch) + 1;
        if (change.newEpoch != next) revert WrongEpoch(next, change.newEpoch);
        // refuse a bad key or threshold now rather than after the delay
        _validateEpoch(change.groupKey, change.threshold, change.memberCount);
        id = epochChangeDigest(change);
        _requireCertificate(_federation.keyPointer, id, signature);
        _queue(id, OperationKind.EpochChange, address(0), abi.encode(change));
    }

    function _useGovernance(uint256 nonce, bytes32 digest, bytes calldata signature) private {
        // SECURITY: one-shot governance nonce: an old certificate can never be replayed.
        if (nonce != governanceNonce) revert WrongGovernanceNonce(governanceNonce, nonce);
        _requireCertificate(_federation.keyPointer, digest, signature);
        governanceNonce = nonce + 1;
    }

    function _queue(bytes32 id, OperationKind kind, address subject, bytes memory payload) private {
        if (_operations[id].state != OperationState.None) revert OperationExists(id);
        uint256 readyAt = block.timestamp + governanceDelay;
        _operations[id] = OperationRecord({
            state: OperationState.Queued,
            kind: kind,
            epoch: uint40(_federation.epoch),
            readyAt: uint40(readyAt),
            subject: subject
        });
        emit OperationQueued(id, kind, readyAt, payload);
    }

    // ------------------------------------------------------------------ governance: execute

    /// @notice Applies a queued TokenConfig after its delay. Anyone may call; not while paused.
    function executeTokenConfig(uint256 nonce, TokenSettings calldata settings) external {
        // SECURITY: a pause freezes every queued change of limits and registry.
        _requireNotPaused();
        _execute(tokenConfigDigest(nonce, settings));
        _configureToken(settings);
    }

    /// @notice Applies a queued pauser removal after its delay (also while paused: it is how a
    ///         hostile pauser that keeps the vault paused is removed).
    function executePauserUpdate(PauserUpdate calldata update) external {
        _execute(pauserUpdateDigest(update));
        _removePauser(update.pauser);
    }

    /// @notice Lifts the pause named by a queued Unpause after its delay.
    function executeUnpause(Unpause calldata unpause) external {
        _requireCurrentPause(unpause.pauseCount);
        _execute(unpauseDigest(unpause));
        _federation.paused = false;
        emit Unpaused(unpause.pauseCount);
    }

    /// @notice Rotates to the queued epoch after its delay (also while paused: recovery from a
    ///         stolen key happens under the pause). Posted roots stay claimable unless revoked;
    ///         operations queued under the old epoch can no longer execute.
    function executeEpochChange(EpochChange calldata change) external {
        _execute(epochChangeDigest(change));
        _setEpoch(change.newEpoch, change.groupKey, change.threshold, change.memberCount, change.membersHash);
    }

    function _execute(bytes32 id) private {
        // SECURITY: ids are digests under the current epoch, so nothing queued by an older epoch
        // matches after a rotation.
        OperationRecord memory op = _operations[id];
        if (op.state != OperationState.Queued) revert UnknownOperation(id);
        if (block.timestamp < op.readyAt) revert OperationNotReady(id, op.readyAt);
        _operations[id].state = OperationState.Executed;
        emit OperationExecuted(id, op.kind);
    }

    // ------------------------------------------------------------------ pausers

    /// @notice Pauses deposits, root posting, claims, owed payouts and queued limit changes.
    function pause() external {
        // SECURITY: pausing needs no certificate, only the role (row 13).
        if (!_pausers[msg.sender].active) revert NotPauser(msg.sender);
        if (_federation.paused) revert AlreadyPaused();
        _federation.paused = true;
        uint256 count = ++pauseCount;
        emit PausedBy(msg.sender, count);
    }

    /// @notice Cancels a queued operation (any kind, also while paused), except the caller's own
    ///         removal.
    function cancelOperation(bytes32 id) external {
        _requireVeto(msg.sender);
        OperationRecord memory op = _operations[id];
        if (op.state != OperationState.Queued) revert UnknownOperation(id);
        // SECURITY: a hostile pauser cannot keep itself in office.
        if (op.kind == OperationKind.PauserUpdate && op.subject == msg.sender) {
            revert CannotCancelOwnRemoval(msg.sender);
        }
        _operations[id].state = OperationState.Cancelled;
        emit OperationCancelled(id, msg.sender);
    }

    function _requireVeto(address caller) private view {
        PauserInfo memory p = _pausers[caller];
        if (!p.active) revert NotPauser(caller);
        // SECURITY: a pauser added by a (possibly stolen) certificate can pause at once but can
        // cancel or revoke only after the governance delay, by when the honest federation can
        // have removed it at once: a thief cannot buy a veto over the honest side's recovery.
        if (block.timestamp < p.vetoActiveFrom) revert VetoNotActive(caller, p.vetoActiveFrom);
    }

    function _addPauser(address pauser) private {
        // re-adding an existing pauser changes nothing (its veto is not reset)
        if (_pausers[pauser].active) return;
        uint256 from = block.timestamp + governanceDelay;
        _pausers[pauser] = PauserInfo(true, uint64(from));
        emit PauserChanged(pauser, true, from);
    }

    function _removePauser(address pauser) private {
        if (!_pausers[pauser].active) return;
        delete _pausers[pauser];
        emit PauserChanged(pauser, false, 0);
    }

    function _requireCurrentPause(uint256 count) private view {
        if (!_federation.paused) revert NotPaused();
        // SECURITY: an unpause lifts only the pause it was made for (issue 9 item 6).
        if (count != pauseCount) revert WrongPauseCount(pauseCount, count);
    }

    function _requireNotPaused() private view {
        // SECURITY: while paused no value moves in or out.
        if (_federation.paused) revert Paused();
    }

    // ------------------------------------------------------------------ epochs and keys

    function _validateEpoch(bytes memory groupKey, uint256 threshold, uint256 memberCount) private view {
        // SECURITY: t = 0, t > n and t < ⌊2n/3⌋+1 are refused (threats rows 3 and 4).
        if (
            memberCount == 0 || memberCount > type(uint32).max || threshold > memberCount
                || threshold < (2 * memberCount) / 3 + 1
        ) revert InvalidThreshold(threshold, memberCount);
        // SECURITY: canonical, non-identity, on-curve, in-subgroup key only (threats rows 2, 3).
        BLS.validatePublicKey(groupKey);
    }

    function _setEpoch(
        uint256 epoch,
        bytes memory groupKey,
        uint256 threshold,
        uint256 memberCount,
        bytes32 membersHash
    ) private {
        _validateEpoch(groupKey, threshold, memberCount);
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

    // ------------------------------------------------------------------ tokens

    function _validateSettings(TokenSettings memory s) private pure {
        // SECURITY: periodSeconds 0 is refused in every configuration (no limit without a window).
        if (
            s.periodLimit > type(uint96).max || s.delayThreshold > type(uint96).max || s.periodSeconds == 0
                || s.periodSeconds > type(uint24).max || s.delaySeconds > type(uint24).max
        ) revert LimitOutOfRange();
    }

    function _configureToken(TokenSettings memory s) private {
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

    /// @notice Whether `s` only tightens the token's current settings (then it applies at once):
    ///         same registration, limit and threshold not higher, period and delay not shorter.
    function tokenConfigIsTightening(TokenSettings calldata s) public view returns (bool) {
        TokenLimits memory c = _limits[s.token];
        return s.registered == c.registered && s.periodLimit <= c.periodLimit && s.periodSeconds >= c.periodSeconds
            && s.delayThreshold <= c.delayThreshold && s.delaySeconds >= c.delaySeconds;
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

    /// @notice Whether deposits, posting, claims and owed payouts are paused.
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

    /// @notice A posted root; count 0 means "never posted".
    function rootStatus(bytes32 root) external view returns (RootStatus memory) {
        RootInfo memory r = _roots[root];
        uint256 claimableAt = r.count == 0 ? 0 : uint256(r.postedAt) + challengePeriod;
        return RootStatus(r.batchId, r.count, r.epoch, r.postedAt, claimableAt, r.revoked);
    }

    /// @notice Whether `batchId` has a live (posted, unrevoked) root.
    function isBatchPosted(uint256 batchId) external view returns (bool) {
        return _liveBatches[batchId >> 8] & (uint256(1) << (batchId & 0xff)) != 0;
    }

    /// @notice Whether withdrawal `nonce` was claimed (paid or owed).
    function isClaimed(uint256 nonce) public view returns (bool) {
        return _claimed[nonce >> 8] & (uint256(1) << (nonce & 0xff)) != 0;
    }

    /// @notice What the vault owes `recipient` in `token` (failed payouts), see {withdrawOwed}.
    function owed(address recipient, address token) external view returns (uint256) {
        return _owed[recipient][token];
    }

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

    /// @notice Whether `pauser` may pause.
    function isPauser(address pauser) external view returns (bool) {
        return _pausers[pauser].active;
    }

    /// @notice When `pauser` may cancel and revoke (`type(uint256).max` if not a pauser).
    function vetoActiveFrom(address pauser) external view returns (uint256) {
        PauserInfo memory p = _pausers[pauser];
        return p.active ? p.vetoActiveFrom : type(uint256).max;
    }

    /// @notice A governance operation by id.
    function operation(bytes32 id) external view returns (Operation memory) {
        OperationRecord memory r = _operations[id];
        return Operation(r.state, r.kind, r.epoch, r.readyAt, r.subject);
    }

    /// @notice WithdrawalBatch digest the current epoch must sign for `batch`.
    function withdrawalBatchDigest(WithdrawalBatch calldata batch) external view returns (bytes32) {
        return BridgeEncoding.withdrawalBatchDigest(_domain(_federation.epoch), batch.batchId, batch.root, batch.count);
    }

    /// @notice EpochChange digest the current epoch must sign for `change` (its operation id).
    function epochChangeDigest(EpochChange calldata change) public view returns (bytes32) {
        return BridgeEncoding.epochChangeDigest(
            _domain(_federation.epoch),
            change.newEpoch,
            change.groupKey,
            change.threshold,
            change.memberCount,
            change.membersHash
        );
    }

    /// @notice TokenConfig digest the current epoch must sign (its operation id).
    function tokenConfigDigest(uint256 nonce, TokenSettings calldata s) public view returns (bytes32) {
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

    /// @notice PauserUpdate digest the current epoch must sign (its operation id).
    function pauserUpdateDigest(PauserUpdate calldata u) public view returns (bytes32) {
        return BridgeEncoding.pauserUpdateDigest(_domain(_federation.epoch), u.governanceNonce, u.pauser, u.enabled);
    }

    /// @notice Unpause digest the current epoch must sign (its operation id).
    function unpauseDigest(Unpause calldata u) public view returns (bytes32) {
        return BridgeEncoding.unpauseDigest(_domain(_federation.epoch), u.governanceNonce, u.pauseCount);
    }

    /// @notice RootRevocation digest the current epoch must sign.
    function rootRevocationDigest(bytes32 root) public view returns (bytes32) {
        return BridgeEncoding.rootRevocationDigest(_domain(_federation.epoch), root);
    }
}
