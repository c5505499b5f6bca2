package org.fedbridge.core.merkle;

import java.util.List;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * A Merkle proof: the leaf index and the sibling hashes from the leaf level upward.
 *
 * @param index leaf index, 0-based
 * @param siblings {@code d} sibling hashes, bottom first
 */
public record MerkleProof(int index, List<Bytes32> siblings) {
  /** Leaf counts must be below this ({@code 2^31}). */
  public static final long MAX_LEAF_COUNT = 1L << 31;

  public MerkleProof {
    siblings = List.copyOf(siblings);
  }

  /**
   * Verifies that {@code leaf} sits at {@code index} in a tree of {@code leafCount} leaves with
   * root {@code root}. The verifier takes {@code leafCount} from the signed digest, so the depth is
   * fixed and proofs with extra or missing nodes are refused (threats.md row 5).
   *
   * @return ok with the root, or {@link Rejection#INDEX_OUT_OF_RANGE}, {@link
   *     Rejection#BAD_PROOF_LENGTH}, {@link Rejection#ROOT_MISMATCH}
   */
  public Result<Bytes32> verify(Bytes32 root, long leafCount, Bytes32 leaf) {
    // SECURITY: a count of 2^31 or more would overflow the int depth computation (issue 9, item
    // 11); no batch comes near it, so such a count is refused as a value.
    if (leafCount < 1 || leafCount >= MAX_LEAF_COUNT) {
      return Result.err(
          Rejection.INDEX_OUT_OF_RANGE, "leaf count " + leafCount + " not in [1, 2^31)");
    }
    // SECURITY: i < n, so a padding slot (bytes32(0)) can never be proven as a leaf.
    if (index < 0 || index >= leafCount) {
      return Result.err(Rejection.INDEX_OUT_OF_RANGE, "index " + index + " >= n " + leafCount);
    }
    int depth = MerkleTree.depthFor((int) leafCount);
    // SECURITY: exact length: no extra or missing nodes, no leaf presented as an inner node.
    if (siblings.size() != depth) {
      return Result.err(
          Rejection.BAD_PROOF_LENGTH, "proof has " + siblings.size() + " nodes, depth " + depth);
    }
    Bytes32 h = leaf;
    int i = index;
    for (Bytes32 s : siblings) {
      h = (i & 1) == 0 ? MerkleTree.node(h, s) : MerkleTree.node(s, h);
      i >>= 1;
    }
    if (!h.equals(root)) {
      return Result.err(Rejection.ROOT_MISMATCH, "proof leads to " + h);
    }
    return Result.ok(root);
  }
}
