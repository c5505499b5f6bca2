package org.fedbridge.sidechain.rpc.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.ledger.Block;
import org.fedbridge.sidechain.testing.LedgerHarness;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;

/** Filter expiry, bounds and buffering, on a clock the test moves. */
class FilterRegistryTest {
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-28T12:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final FilterRegistry.Installed BLOCKS =
      new FilterRegistry.Installed(FilterRegistry.Kind.BLOCKS, null, 0, Long.MAX_VALUE);

  static NewBlock block(LedgerHarness h, int nonce) {
    var a = TestAccounts.derived("filters-unit", 0);
    h.tx(TestAccounts.transfer(a, 1337, nonce, a.address(), java.math.BigInteger.ONE));
    Block b = h.tick().orElseThrow();
    return NewBlock.of(b);
  }

  @Test
  void aFilterNobodyPollsExpiresAndPollingKeepsItAlive() {
    MovableClock clock = new MovableClock();
    FilterRegistry r = new FilterRegistry(clock, Duration.ofMinutes(5), 10, 100);
    String polled = r.install(BLOCKS).orElseThrow();
    String forgotten = r.install(BLOCKS).orElseThrow();
    clock.now = clock.now.plus(Duration.ofMinutes(4));
    assertThat(r.changes(polled)).isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(2)); // 6 min after install, 2 after the poll
    assertThat(r.changes(polled)).isPresent();
    assertThat(r.changes(forgotten)).isEmpty();
    assertThat(r.size()).isEqualTo(1);
  }

  @Test
  void atMostMaxFiltersAndAtMostMaxChangesEach() {
    Genesis g =
        TestGenesis.of(1337, java.util.List.of(TestAccounts.derived("filters-unit", 0)), "0");
    LedgerHarness h = new LedgerHarness(g, 100);
    FilterRegistry r = new FilterRegistry(new MovableClock(), Duration.ofMinutes(5), 2, 3);
    String a = r.install(BLOCKS).orElseThrow();
    r.install(BLOCKS).orElseThrow();
    assertThat(r.install(BLOCKS)).isEmpty();
    NewBlock last = null;
    for (int i = 0; i < 5; i++) {
      last = block(h, i);
      r.newBlock(last);
    }
    var changes = r.changes(a).orElseThrow();
    assertThat(changes).hasSize(3).last().isEqualTo(last.block().hash().toHex());
    assertThat(r.uninstall(a)).isTrue();
    assertThat(r.install(BLOCKS)).isPresent();
  }
}
