package org.fedbridge.sidechain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fedbridge.core.types.Keccak;

class StateTreeTest {

  private static StateKey key(int i) {
    return StateKey.of(Keccak.hashBytes(new byte[] {(byte) i, (byte) (i >> 8)}));
  }

  @Property(tries = 200)
  void rootDependsOnlyOnTheEntriesNotOnTheOrderOrHistory(
      @ForAll @IntRange(min = 0, max = 300) int size, @ForAll long seed) {
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

  @Property(tries = 50)
  void differentValuesGiveDifferentRoots(@ForAll @IntRange(min = 1, max = 100) int size) {
    StateTree a = new StateTree();
    StateTree b = new StateTree();
    for (int i = 0; i < size; i++) {
      a.put(key(i), new byte[] {1});
      b.put(key(i), new byte[] {1});
    }
    b.put(key(size / 2), new byte[] {2});
    assertThat(a.root()).isNotEqualTo(b.root());
  }

  @Property(tries = 10)
  void emptyTreeHasTheZeroRoot() {
    StateTree t = new StateTree();
    t.put(key(1), new byte[] {1});
    t.put(key(1), null);
    assertThat(t.root()).isEqualTo(new byte[32]);
  }
}
