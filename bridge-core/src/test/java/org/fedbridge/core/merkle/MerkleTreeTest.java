package org.fedbridge.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fedbridge.core.testing.Gens.intRange;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  static List<Bytes32> leaves(int n) {
    List<Bytes32> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Keccak.hash(new byte[] {0x00}, new byte[] {(byte) i, (byte) (i >> 8)}));
    }
    return out;
  }

  @Test
  void singleLeafIsTheRootWithEmptyProof() {
    MerkleTree t = MerkleTree.of(leaves(1));
    assertThat(t.root()).isEqualTo(leaves(1).get(0));
    assertThat(t.depth()).isZero();
    assertThat(t.proof(0).verify(t.root(), 1, leaves(1).get(0)).isOk()).isTrue();
  }

  @Test
  void threeLeavesPadWithZeroAndHashInnerWithPrefix() {
    List<Bytes32> l = leaves(3);
    Bytes32 left = Keccak.hash(new byte[] {1}, l.get(0).bytes(), l.get(1).bytes());
    Bytes32 right = Keccak.hash(new byte[] {1}, l.get(2).bytes(), Bytes32.ZERO.bytes());
    Bytes32 root = Keccak.hash(new byte[] {1}, left.bytes(), right.bytes());
    assertThat(MerkleTree.of(l).root()).isEqualTo(root);
    assertThat(MerkleTree.of(l).depth()).isEqualTo(2);
  }

  @Test
  void everyProofVerifies() {
    qt().withExamples(50)
        .forAll(intRange(1, 70))
        .checkAssert(
            n -> {
              List<Bytes32> l = leaves(n);
              MerkleTree t = MerkleTree.of(l);
              for (int i = 0; i < n; i++) {
                assertThat(t.proof(i).verify(t.root(), n, l.get(i)).isOk()).isTrue();
                assertThat(t.proof(i).siblings()).hasSize(MerkleTree.depthFor(n));
              }
            });
  }
}
