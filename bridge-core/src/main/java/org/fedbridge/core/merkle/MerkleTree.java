package org.fedbridge.core.merkle;

import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;

/**
 * The batch Merkle tree of docs/encoding.md: leaves (already hashed with their prefix: 0x00 for
 * deposits, 0x02 for withdrawals) padded to {@code 2^d} with {@code bytes32(0)}, {@code d =
 * ceil(log2 n)}, inner nodes {@code keccak256(0x01 ‖ left ‖ right)}. The distinct prefixes keep
 * leaves and inner nodes in separate domains (threats.md row 5).
 */
public final class MerkleTree {
  private static final byte[] INNER = {0x01};
  private final List<Bytes32[]> levels; // levels.get(0) = padded leaves, last = [root]
  private final int size;

  private MerkleTree(List<Bytes32[]> levels, int size) {
    this.levels = levels;
    this.size = size;
  }

  /** Builds the tree; needs at least one leaf. */
  public static MerkleTree of(List<Bytes32> leaves) {
    int n = leaves.size();
    if (n < 1) {
      throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
    }
    int depth = depthFor(n);
    Bytes32[] level = new Bytes32[1 << depth];
    for (int i = 0; i < level.length; i++) {
      level[i] = i < n ? leaves.get(i) : Bytes32.ZERO;
    }
    List<Bytes32[]> levels = new ArrayList<>(depth + 1);
    levels.add(level);
    while (level.length > 1) {
      Bytes32[] up = new Bytes32[level.length / 2];
      for (int i = 0; i < up.length; i++) {
        up[i] = node(level[2 * i], level[2 * i + 1]);
      }
      levels.add(up);
      level = up;
    }
    return new MerkleTree(levels, n);
  }

  /** {@code ceil(log2 n)}, 0 for one leaf. */
  public static int depthFor(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1");
    }
    return 32 - Integer.numberOfLeadingZeros(n - 1);
  }

  static Bytes32 node(Bytes32 left, Bytes32 right) {
    return Keccak.hash(INNER, left.bytes(), right.bytes());
  }

  public Bytes32 root() {
    return levels.get(levels.size() - 1)[0];
  }

  public int depth() {
    return levels.size() - 1;
  }

  /** Number of real (unpadded) leaves. */
  public int size() {
    return size;
  }

  /** The proof for leaf {@code index}: {@code depth()} siblings from the leaf level upward. */
  public MerkleProof proof(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("leaf index " + index + " not in [0, " + size + ")");
    }
    List<Bytes32> siblings = new ArrayList<>(depth());
    int i = index;
    for (int l = 0; l < depth(); l++) {
      siblings.add(levels.get(l)[i ^ 1]);
      i >>= 1;
    }
    return new MerkleProof(index, siblings);
  }
}
