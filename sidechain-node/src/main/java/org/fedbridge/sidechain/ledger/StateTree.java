package org.fedbridge.sidechain.ledger;

import org.fedbridge.core.types.Keccak;

/**
 * The state root: a compact sparse Merkle tree over 256-bit keys. A subtree that holds one entry is
 * represented by that entry's leaf, at the shallowest depth where it is alone, so the tree's depth
 * is about {@code log2(entries)} rather than 256, and its shape (hence its root) depends only on
 * the set of entries, not on the order they were written in.
 *
 * <ul>
 *   <li>empty subtree: {@code bytes32(0)}
 *   <li>leaf: {@code keccak256(0x00 ‖ key ‖ keccak256(value))}
 *   <li>inner node: {@code keccak256(0x01 ‖ left ‖ right)}
 * </ul>
 *
 * Hashes are cached per node and only the paths of written keys are marked dirty, so computing a
 * block's root costs {@code O(touched keys × log2(entries))} hashes, independent of the number of
 * accounts that did not change. Not thread-safe: the replica thread owns it.
 */
final class StateTree {
  private static final byte[] ZERO = new byte[32];
  private static final byte[] LEAF = {0x00};
  private static final byte[] INNER = {0x01};

  private Node root;
  private long size;

  private abstract static sealed class Node permits Leaf, Inner {
    abstract byte[] hash();
  }

  private static final class Leaf extends Node {
    final StateKey key;
    final byte[] valueHash;
    byte[] hash;

    Leaf(StateKey key, byte[] valueHash) {
      this.key = key;
      this.valueHash = valueHash;
    }

    @Override
    byte[] hash() {
      if (hash == null) {
        hash = Keccak.hashBytes(LEAF, key.raw(), valueHash);
      }
      return hash;
    }
  }

  private static final class Inner extends Node {
    Node left;
    Node right;
    byte[] hash;

    Inner(Node left, Node right) {
      this.left = left;
      this.right = right;
    }

    @Override
    byte[] hash() {
      if (hash == null) {
        hash =
            Keccak.hashBytes(
                INNER, left == null ? ZERO : left.hash(), right == null ? ZERO : right.hash());
      }
      return hash;
    }
  }

  /** Sets {@code key} to {@code value}, or removes it when {@code value} is {@code null}. */
  void put(StateKey key, byte[] value) {
    if (value == null) {
      root = remove(root, 0, key);
    } else {
      root = insert(root, 0, new Leaf(key, Keccak.hashBytes(value)));
    }
  }

  byte[] root() {
    return root == null ? ZERO.clone() : root.hash().clone();
  }

  long size() {
    return size;
  }

  private Node insert(Node node, int depth, Leaf leaf) {
    if (node == null) {
      size++;
      return leaf;
    }
    if (node instanceof Leaf existing) {
      if (existing.key.equals(leaf.key)) {
        return leaf;
      }
      size++;
      return split(existing, leaf, depth);
    }
    Inner inner = (Inner) node;
    inner.hash = null;
    if (leaf.key.bit(depth) == 0) {
      inner.left = insert(inner.left, depth + 1, leaf);
    } else {
      inner.right = insert(inner.right, depth + 1, leaf);
    }
    return inner;
  }

  private static Node split(Leaf a, Leaf b, int depth) {
    int ba = a.key.bit(depth);
    int bb = b.key.bit(depth);
    if (ba != bb) {
      return ba == 0 ? new Inner(a, b) : new Inner(b, a);
    }
    Node below = split(a, b, depth + 1);
    return ba == 0 ? new Inner(below, null) : new Inner(null, below);
  }

  private Node remove(Node node, int depth, StateKey key) {
    if (node == null) {
      return null;
    }
    if (node instanceof Leaf leaf) {
      if (leaf.key.equals(key)) {
        size--;
        return null;
      }
      return leaf;
    }
    Inner inner = (Inner) node;
    if (key.bit(depth) == 0) {
      inner.left = remove(inner.left, depth + 1, key);
    } else {
      inner.right = remove(inner.right, depth + 1, key);
    }
    inner.hash = null;
    // Keep the tree compact: a lone leaf moves up to where it is alone.
    if (inner.left == null && inner.right == null) {
      return null;
    }
    if (inner.left == null && inner.right instanceof Leaf) {
      return inner.right;
    }
    if (inner.right == null && inner.left instanceof Leaf) {
      return inner.left;
    }
    return inner;
  }
}
