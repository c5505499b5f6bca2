// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {BridgeEncoding} from "../src/BridgeEncoding.sol";
import {Merkle} from "../src/Merkle.sol";

contract MerkleHarness {
    function computeRoot(bytes32 leaf, uint256 index, uint256 count, bytes32[] calldata siblings)
        external
        pure
        returns (bytes32)
    {
        return Merkle.computeRoot(leaf, index, count, siblings);
    }
}

/// @dev docs/encoding.md pinned twice: by bridge-core's golden vectors (Java) and by the
///      independent noble/JS fixtures; both must give the same digests, leaves and roots here.
contract EncodingTest is TestBase {
    string internal constant GOLDEN = "../bridge-core/src/test/resources/golden/";
    MerkleHarness internal m;
    string internal msgs;
    string internal trees;

    function setUp() public {
        m = new MerkleHarness();
        msgs = vm.readFile(string.concat(GOLDEN, "messages.json"));
        trees = vm.readFile(string.concat(GOLDEN, "merkle.json"));
    }

    function _domain(string memory json, string memory k) internal pure returns (BridgeEncoding.Domain memory) {
        return BridgeEncoding.Domain(
            vm.parseJsonUint(json, string.concat(k, ".l1ChainId")),
            vm.parseJsonAddress(json, string.concat(k, ".vault")),
            vm.parseJsonUint(json, string.concat(k, ".sidechainId")),
            vm.parseJsonUint(json, string.concat(k, ".epoch"))
        );
    }

    function test_goldenTypeHashes() public view {
        vm.assertEq(BridgeEncoding.DEPOSIT_BATCH_TYPE, vm.parseJsonBytes32(msgs, ".messages[0].typeHash"));
        vm.assertEq(BridgeEncoding.WITHDRAWAL_BATCH_TYPE, vm.parseJsonBytes32(msgs, ".messages[1].typeHash"));
        vm.assertEq(BridgeEncoding.EPOCH_CHANGE_TYPE, vm.parseJsonBytes32(msgs, ".messages[2].typeHash"));
        vm.assertEq(BridgeEncoding.TOKEN_CONFIG_TYPE, vm.parseJsonBytes32(msgs, ".messages[3].typeHash"));
        vm.assertEq(BridgeEncoding.PAUSER_UPDATE_TYPE, vm.parseJsonBytes32(msgs, ".messages[4].typeHash"));
        vm.assertEq(BridgeEncoding.UNPAUSE_TYPE, vm.parseJsonBytes32(msgs, ".messages[5].typeHash"));
        vm.assertEq(BridgeEncoding.ROOT_REVOCATION_TYPE, vm.parseJsonBytes32(msgs, ".messages[6].typeHash"));
        vm.assertEq(BridgeEncoding.UNPAUSE_TYPE, keccak256("fedbridge.Unpause.v2"));
    }

    function test_goldenDepositBatchAndLeaves() public view {
        BridgeEncoding.Domain memory d = _domain(msgs, ".domain");
        uint256 n = vm.parseJsonUint(msgs, ".messages[0].depositCount");
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            string memory k = string.concat(".messages[0].deposits[", _str(i), "]");
            leaves[i] = BridgeEncoding.depositLeaf(
                vm.parseJsonUint(msgs, string.concat(k, ".nonce")),
                vm.parseJsonAddress(msgs, string.concat(k, ".token")),
                vm.parseJsonAddress(msgs, string.concat(k, ".sender")),
                vm.parseJsonAddress(msgs, string.concat(k, ".recipient")),
                vm.parseJsonUint(msgs, string.concat(k, ".amount"))
            );
            vm.assertEq(leaves[i], vm.parseJsonBytes32(msgs, string.concat(k, ".leaf")));
        }
        bytes32 root = Merkle.root(leaves);
        vm.assertEq(root, vm.parseJsonBytes32(msgs, ".messages[0].depositRoot"));
        vm.assertEq(
            BridgeEncoding.depositBatchDigest(d, vm.parseJsonUint(msgs, ".messages[0].batchId"), root, n),
            vm.parseJsonBytes32(msgs, ".messages[0].digest")
        );
    }

    function test_goldenWithdrawalBatchAndLeaves() public view {
        BridgeEncoding.Domain memory d = _domain(msgs, ".domain");
        uint256 n = vm.parseJsonUint(msgs, ".messages[1].withdrawalCount");
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            string memory k = string.concat(".messages[1].withdrawals[", _str(i), "]");
            leaves[i] = BridgeEncoding.withdrawalLeaf(
                vm.parseJsonUint(msgs, string.concat(k, ".nonce")),
                vm.parseJsonAddress(msgs, string.concat(k, ".l1Token")),
                vm.parseJsonAddress(msgs, string.concat(k, ".sender")),
                vm.parseJsonAddress(msgs, string.concat(k, ".l1Recipient")),
                vm.parseJsonUint(msgs, string.concat(k, ".amount"))
            );
            vm.assertEq(leaves[i], vm.parseJsonBytes32(msgs, string.concat(k, ".leaf")));
        }
        bytes32 root = Merkle.root(leaves);
        vm.assertEq(root, vm.parseJsonBytes32(msgs, ".messages[1].withdrawalRoot"));
        vm.assertEq(
            BridgeEncoding.withdrawalBatchDigest(d, vm.parseJsonUint(msgs, ".messages[1].batchId"), root, n),
            vm.parseJsonBytes32(msgs, ".messages[1].digest")
        );
    }

    function test_goldenGovernanceDigests() public view {
        BridgeEncoding.Domain memory d = _domain(msgs, ".domain");
        bytes memory key = vm.parseJsonBytes(msgs, ".messages[2].newGroupKey");
        vm.assertEq(keccak256(key), vm.parseJsonBytes32(msgs, ".messages[2].newGroupKeyHash"));
        vm.assertEq(
            BridgeEncoding.epochChangeDigest(
                d,
                vm.parseJsonUint(msgs, ".messages[2].newEpoch"),
                key,
                vm.parseJsonUint(msgs, ".messages[2].threshold"),
                vm.parseJsonUint(msgs, ".messages[2].memberCount"),
                vm.parseJsonBytes32(msgs, ".messages[2].membersHash")
            ),
            vm.parseJsonBytes32(msgs, ".messages[2].digest")
        );
        vm.assertEq(
            BridgeEncoding.tokenConfigDigest(
                d,
                vm.parseJsonUint(msgs, ".messages[3].governanceNonce"),
                vm.parseJsonAddress(msgs, ".messages[3].token"),
                vm.parseJsonBool(msgs, ".messages[3].registered"),
                vm.parseJsonUint(msgs, ".messages[3].periodLimit"),
                vm.parseJsonUint(msgs, ".messages[3].periodSeconds"),
                vm.parseJsonUint(msgs, ".messages[3].delayThreshold"),
                vm.parseJsonUint(msgs, ".messages[3].delaySeconds")
            ),
            vm.parseJsonBytes32(msgs, ".messages[3].digest")
        );
        vm.assertEq(
            BridgeEncoding.pauserUpdateDigest(
                d,
                vm.parseJsonUint(msgs, ".messages[4].governanceNonce"),
                vm.parseJsonAddress(msgs, ".messages[4].pauser"),
                vm.parseJsonBool(msgs, ".messages[4].enabled")
            ),
            vm.parseJsonBytes32(msgs, ".messages[4].digest")
        );
        vm.assertEq(
            BridgeEncoding.unpauseDigest(
                d,
                vm.parseJsonUint(msgs, ".messages[5].governanceNonce"),
                vm.parseJsonUint(msgs, ".messages[5].pauseCount")
            ),
            vm.parseJsonBytes32(msgs, ".messages[5].digest")
        );
        vm.assertEq(
            BridgeEncoding.rootRevocationDigest(d, vm.parseJsonBytes32(msgs, ".messages[6].root")),
            vm.parseJsonBytes32(msgs, ".messages[6].digest")
        );
        // the revoked root is the golden WithdrawalBatch's
        vm.assertEq(
            vm.parseJsonBytes32(msgs, ".messages[6].root"), vm.parseJsonBytes32(msgs, ".messages[1].withdrawalRoot")
        );
    }

    /// Replay across chain ids, deployments, sidechains and epochs: each domain word changes the digest.
    function testExploitReplay_goldenDomainVariantsDiffer() public view {
        bytes32 base = vm.parseJsonBytes32(msgs, ".messages[5].digest");
        for (uint256 i = 0; i < 4; ++i) {
            string memory k = string.concat(".domainVariants[", _str(i), "]");
            bytes32 digest = BridgeEncoding.unpauseDigest(
                _domain(msgs, string.concat(k, ".domain")),
                vm.parseJsonUint(msgs, string.concat(k, ".governanceNonce")),
                vm.parseJsonUint(msgs, string.concat(k, ".pauseCount"))
            );
            vm.assertEq(digest, vm.parseJsonBytes32(msgs, string.concat(k, ".digest")));
            vm.assertTrue(digest != base);
        }
    }

    function test_goldenMerkleTreesAndProofs() public view {
        uint256[6] memory sizes = [uint256(1), 2, 3, 5, 8, 13];
        for (uint256 t = 0; t < sizes.length; ++t) {
            string memory k = string.concat(".trees[", _str(t), "]");
            uint256 n = vm.parseJsonUint(trees, string.concat(k, ".n"));
            vm.assertEq(n, sizes[t]);
            vm.assertEq(Merkle.depth(n), vm.parseJsonUint(trees, string.concat(k, ".depth")));
            bytes32[] memory leaves = vm.parseJsonBytes32Array(trees, string.concat(k, ".leaves"));
            bytes32 root = vm.parseJsonBytes32(trees, string.concat(k, ".root"));
            vm.assertEq(Merkle.root(leaves), root);
            for (uint256 i = 0; i < n; ++i) {
                string memory pk = string.concat(k, ".proofs[", _str(i), "]");
                bytes32[] memory siblings = vm.parseJsonBytes32Array(trees, string.concat(pk, ".siblings"));
                bytes32[] memory mine = Merkle.proof(leaves, i);
                vm.assertEq(keccak256(abi.encode(mine)), keccak256(abi.encode(siblings)));
                vm.assertEq(m.computeRoot(leaves[i], i, n, siblings), root);
            }
        }
    }

    /// Row 5 (BNB Token Hub): bridge-core's invalid proofs are refused here as well.
    function testExploitRow5_goldenInvalidProofsRefused() public view {
        for (uint256 i = 0; i < 5; ++i) {
            string memory k = string.concat(".invalidProofs[", _str(i), "]");
            bytes32 root = vm.parseJsonBytes32(trees, string.concat(k, ".root"));
            try m.computeRoot(
                vm.parseJsonBytes32(trees, string.concat(k, ".leaf")),
                vm.parseJsonUint(trees, string.concat(k, ".index")),
                vm.parseJsonUint(trees, string.concat(k, ".n")),
                vm.parseJsonBytes32Array(trees, string.concat(k, ".siblings"))
            ) returns (
                bytes32 got
            ) {
                vm.assertTrue(got != root, "an invalid proof reproduced the root");
            } catch {}
        }
    }

    /// Row 5: an inner node presented as a leaf (second preimage across domains) does not verify.
    function testExploitRow5_innerNodeAsLeafRefused() public view {
        bytes32[] memory leaves = new bytes32[](4);
        for (uint256 i = 0; i < 4; ++i) {
            leaves[i] = BridgeEncoding.withdrawalLeaf(i, address(0), address(1), address(2), 1 ether);
        }
        bytes32 root = Merkle.root(leaves);
        bytes32 inner0 = Merkle.hashInner(leaves[0], leaves[1]);
        bytes32 inner1 = Merkle.hashInner(leaves[2], leaves[3]);
        bytes32[] memory shortProof = new bytes32[](1);
        shortProof[0] = inner1;
        try m.computeRoot(inner0, 0, 4, shortProof) returns (bytes32) {
            revert("short proof accepted");
        } catch {}
        vm.assertTrue(root != inner0);
        // the 0x00/0x01 prefixes differ: a leaf hash over the two children bytes is not the node
        vm.assertTrue(keccak256(abi.encodePacked(bytes1(0x00), leaves[0], leaves[1])) != inner0);
    }

    /// Independent JS (noble/hashes) fixtures agree with the same library code.
    function test_nobleEncodingFixtures() public view {
        string memory j = vm.readFile("test/fixtures/encoding.json");
        BridgeEncoding.Domain memory d = _domain(j, ".domain");
        for (uint256 i = 0; i < 5; ++i) {
            string memory k = string.concat(".withdrawals[", _str(i), "]");
            uint256 nonce = vm.parseJsonUint(j, string.concat(k, ".nonce"));
            address tokenAddr = vm.parseJsonAddress(j, string.concat(k, ".token"));
            address sender = vm.parseJsonAddress(j, string.concat(k, ".sender"));
            address recipient = vm.parseJsonAddress(j, string.concat(k, ".recipient"));
            uint256 amount = vm.parseJsonUint(j, string.concat(k, ".amount"));
            bytes32 wLeaf = BridgeEncoding.withdrawalLeaf(nonce, tokenAddr, sender, recipient, amount);
            vm.assertEq(wLeaf, vm.parseJsonBytes32(j, string.concat(".withdrawalLeaves[", _str(i), "]")));
            bytes32 dLeaf = BridgeEncoding.depositLeaf(nonce, tokenAddr, sender, recipient, amount);
            vm.assertEq(dLeaf, vm.parseJsonBytes32(j, string.concat(".depositLeaves[", _str(i), "]")));
            vm.assertTrue(dLeaf != wLeaf, "deposit and withdrawal leaves share a domain");
        }
        for (uint256 t = 0; t < 4; ++t) {
            string memory k = string.concat(".trees[", _str(t), "]");
            bytes32[] memory leaves = vm.parseJsonBytes32Array(j, string.concat(k, ".leaves"));
            vm.assertEq(Merkle.root(leaves), vm.parseJsonBytes32(j, string.concat(k, ".root")));
        }
        vm.assertEq(
            BridgeEncoding.withdrawalBatchDigest(d, 4242, vm.parseJsonBytes32(j, ".inputs.withdrawalBatch.root"), 5),
            vm.parseJsonBytes32(j, ".digests.withdrawalBatch")
        );
        vm.assertEq(
            BridgeEncoding.depositBatchDigest(d, 19000001, vm.parseJsonBytes32(j, ".inputs.depositBatch.root"), 3),
            vm.parseJsonBytes32(j, ".digests.depositBatch")
        );
        vm.assertEq(
            BridgeEncoding.epochChangeDigest(
                d, 4, vm.parseJsonBytes(j, ".inputs.epochChange.groupKey"), 13, 19, keccak256("members")
            ),
            vm.parseJsonBytes32(j, ".digests.epochChange")
        );
        vm.assertEq(
            BridgeEncoding.tokenConfigDigest(d, 7, address(0xbeef), true, 1e24, 86400, 1e21, 3600),
            vm.parseJsonBytes32(j, ".digests.tokenConfig")
        );
        vm.assertEq(
            BridgeEncoding.pauserUpdateDigest(d, 8, address(0xa0a0a), true),
            vm.parseJsonBytes32(j, ".digests.pauserUpdate")
        );
        vm.assertEq(BridgeEncoding.unpauseDigest(d, 9, 4), vm.parseJsonBytes32(j, ".digests.unpause"));
        vm.assertEq(
            BridgeEncoding.rootRevocationDigest(d, vm.parseJsonBytes32(j, ".inputs.rootRevocation.root")),
            vm.parseJsonBytes32(j, ".digests.rootRevocation")
        );
    }

    // ------------------------------------------------------------ fuzz (row 5)

    function testFuzz_proofsVerifyAndMutationsFail(uint256 nRaw, uint256 indexRaw, uint256 mutate, bytes32 salt)
        public
        view
    {
        uint256 n = bound(nRaw, 1, 300);
        uint256 index = bound(indexRaw, 0, n - 1);
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i = 0; i < n; ++i) {
            leaves[i] = keccak256(abi.encode(salt, i));
        }
        bytes32 root = Merkle.root(leaves);
        bytes32[] memory p = Merkle.proof(leaves, index);
        vm.assertEq(m.computeRoot(leaves[index], index, n, p), root);
        if (p.length == 0) return;
        uint256 which = mutate % p.length;
        p[which] = bytes32(uint256(p[which]) ^ (uint256(1) << (mutate % 256)));
        vm.assertTrue(m.computeRoot(leaves[index], index, n, p) != root);
        // a wrong index with the right proof never reproduces the root either
        uint256 other = (index + 1 + (mutate % n)) % n;
        if (other != index && leaves[other] != leaves[index]) {
            p = Merkle.proof(leaves, index);
            vm.assertTrue(m.computeRoot(leaves[index], other, n, p) != root);
        }
    }

    /// Row 5, every leaf count from 1 to 300 (issue 9 item 10): the first, the last and a
    /// pseudo-random leaf's proof verify with exactly ceil(log2 n) siblings; one flipped bit in any
    /// sibling, a sibling too many or too few, and the next index all fail.
    function testExploitRow5_proofsForEveryLeafCountFrom1To300() public view {
        for (uint256 n = 1; n <= 300; ++n) {
            bytes32[] memory leaves = new bytes32[](n);
            for (uint256 i = 0; i < n; ++i) {
                leaves[i] = BridgeEncoding.withdrawalLeaf(i, address(0), address(1), address(2), n);
            }
            bytes32 root = Merkle.root(leaves);
            uint256 d = Merkle.depth(n);
            vm.assertTrue((uint256(1) << d) >= n && (d == 0 || (uint256(1) << (d - 1)) < n), "depth");
            _checkLeaf(leaves, root, 0, 0);
            _checkLeaf(leaves, root, n - 1, 1);
            _checkLeaf(leaves, root, uint256(keccak256(abi.encode(n))) % n, 2);
        }
    }

    function _checkLeaf(bytes32[] memory leaves, bytes32 root, uint256 index, uint256 salt) internal view {
        uint256 n = leaves.length;
        bytes32[] memory p = Merkle.proof(leaves, index);
        uint256 d = p.length;
        vm.assertEq(d, Merkle.depth(n));
        vm.assertEq(m.computeRoot(leaves[index], index, n, p), root);
        if (index + 1 < n) {
            vm.assertTrue(m.computeRoot(leaves[index], index + 1, n, p) != root, "wrong index");
        }
        try m.computeRoot(leaves[index], n, n, p) returns (bytes32) {
            revert("padding index accepted");
        } catch {}
        bytes32[] memory longer = new bytes32[](d + 1);
        for (uint256 k = 0; k < d; ++k) {
            longer[k] = p[k];
        }
        try m.computeRoot(leaves[index], index, n, longer) returns (bytes32) {
            revert("extra node accepted");
        } catch {}
        if (d == 0) return;
        bytes32[] memory shorter = new bytes32[](d - 1);
        for (uint256 k = 0; k + 1 < d; ++k) {
            shorter[k] = p[k];
        }
        try m.computeRoot(leaves[index], index, n, shorter) returns (bytes32) {
            revert("missing node accepted");
        } catch {}
        uint256 which = uint256(keccak256(abi.encode(n, salt))) % d;
        p[which] = bytes32(uint256(p[which]) ^ 1);
        vm.assertTrue(m.computeRoot(leaves[index], index, n, p) != root, "mutated sibling");
    }

    /// Row 5 across trees (issue 9 item 8): a deposit leaf and a withdrawal leaf over the same five
    /// words differ, and a tree of deposit leaves proves no withdrawal.
    function testExploitRow5_depositLeafIsNeverAWithdrawalLeaf() public view {
        bytes32[] memory deposits = new bytes32[](4);
        for (uint256 i = 0; i < 4; ++i) {
            deposits[i] = BridgeEncoding.depositLeaf(i, address(0), address(1), address(2), 1 ether);
            vm.assertTrue(deposits[i] != BridgeEncoding.withdrawalLeaf(i, address(0), address(1), address(2), 1 ether));
        }
        bytes32 depositRoot = Merkle.root(deposits);
        bytes32[] memory p = Merkle.proof(deposits, 2);
        bytes32 asWithdrawal = BridgeEncoding.withdrawalLeaf(2, address(0), address(1), address(2), 1 ether);
        vm.assertTrue(m.computeRoot(asWithdrawal, 2, 4, p) != depositRoot);
        vm.assertEq(m.computeRoot(deposits[2], 2, 4, p), depositRoot);
    }

    function _str(uint256 v) internal pure returns (string memory) {
        if (v == 0) return "0";
        bytes memory b;
        while (v > 0) {
            b = abi.encodePacked(bytes1(uint8(48 + (v % 10))), b);
            v /= 10;
        }
        return string(b);
    }
}
