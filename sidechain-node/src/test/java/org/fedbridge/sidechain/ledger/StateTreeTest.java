package org.fedbridge.sidechain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fedbridge.core.types.Keccak;
import org.junit.jupiter.api.Test;

/** Property tests of the state tree (QuickTheories: random inputs, shrunk to a minimal failure). */
class StateTreeTest {

  private static StateKey key(int i) {
    return StateKey.of(Keccak.hashBytes(new byte[] {(byte) i, (byte) (i >> 8)}));
  }

  @Test
  void rootDependsOnlyOnTheEntriesNotOnTheOrderOrHistory() {
    qt().withExamples(200)
        .forAll(integers().between(0, 300), longs().all())
        .checkAssert(StateTreeTest::sameRootWhateverTheHistory);
  }

  private static void sameRootWhateverTheHistory(int size, long seed) {
    Random rnd = new Random(seed);
    Map<StateKey, byte[]> finalEntries = new LinkedHashMap<>();
    StateTree incremental = new StateTree();
    // A history with overwrites and deletions...
    for (int step = 0; step < size * 3; step++) {
      StateKey k = key(rnd.nextInt(size + 1));
      if (rnd.nextInt(4) == 0) {
        incremental.put(k, null);
        finalEntries.remove(k);
      } else {
        byte[] v = new byte[] {(byte) rnd.nextInt(), (byte) step};
        incremental.put(k, v);
        finalEntries.put(k, v);
      }
      if (rnd.nextInt(10) == 0) {
        incremental.root(); // cached hashes in between must not matter
      }
    }
    // ...gives the same root as inserting the final entries once, in any order.
    List<Map.Entry<StateKey, byte[]>> shuffled = new ArrayList<>(finalEntries.entrySet());
    Collections.shuffle(shuffled, rnd);
    StateTree fresh = new StateTree();
    shuffled.forEach(e -> fresh.put(e.getKey(), e.getValue()));
    assertThat(incremental.root()).isEqualTo(fresh.root());
    assertThat(incremental.size()).isEqualTo(finalEntries.size());
  }

  @Test
  void differentValuesGiveDifferentRoots() {
    qt().withExamples(50)
        .forAll(integers().between(1, 100))
        .checkAssert(
            size -> {
              StateTree a = new StateTree();
              StateTree b = new StateTree();
              for (int i = 0; i < size; i++) {
                a.put(key(i), new byte[] {1});
                b.put(key(i), new byte[] {1});
              }
              b.put(key(size / 2), new byte[] {2});
              assertThat(a.root()).isNotEqualTo(b.root());
            });
  }

  @Test
  void emptyTreeHasTheZeroRoot() {
    StateTree t = new StateTree();
    t.put(key(1), new byte[] {1});
    t.put(key(1), null);
    assertThat(t.root()).isEqualTo(new byte[32]);
  }
}
