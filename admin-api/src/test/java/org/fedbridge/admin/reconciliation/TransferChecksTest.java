package org.fedbridge.admin.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.fedbridge.admin.ConsoleTest;
import org.fedbridge.admin.auth.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The event checks on real PostgreSQL, from events as the scanners store them: a payout on L1 with
 * no burn (or a burn of another amount, token or recipient) and a mint with no deposit are raised
 * once each; matching pairs raise nothing (threats.md row 1: an L1 withdrawal with no sidechain
 * burn is detected and alarmed).
 */
class TransferChecksTest extends ConsoleTest {
  private static final String ETH = "0x0000000000000000000000000000000000000000";
  @Autowired ReconciliationStore store;
  @Autowired Reconciliation reconciliation;
  @Autowired TransactionTemplate tx;

  private static ChainEvents.Transfer t(long nonce, String a, String b, long amount) {
    return new ChainEvents.Transfer(
        BigInteger.valueOf(nonce), ETH, a, b, BigInteger.valueOf(amount), 1);
  }

  private JsonNode mismatches(String viewer) throws Exception {
    return json(call("GET", "/api/reconciliation", viewer, null)).path("openMismatches");
  }

  @Test
  void exploitPayoutsWithoutBurnAndMintsWithoutDepositAreRaisedOnce() throws Exception {
    String viewer = principal("reconciliation-viewer", Role.VIEWER);
    String alice = "0x00000000000000000000000000000000000a11ce";
    String mallory = "0x000000000000000000000000000000000000bad1";
    tx.executeWithoutResult(
        s -> {
          // Honest pairs.
          store.burn(t(90_001, alice, alice, 7));
          store.payout(t(90_001, alice, alice, 7), "paid");
          store.deposit(t(80_001, alice, alice, 9));
          store.mint(t(80_001, alice, alice, 9));
          // A payout with no burn at all, and one whose burn named someone else.
          store.payout(t(90_002, mallory, mallory, 50), "paid");
          store.burn(t(90_003, alice, alice, 5));
          store.payout(t(90_003, mallory, mallory, 5), "deferred");
          // A mint with no deposit behind it.
          store.deposit(t(80_003, alice, alice, 1));
          store.mint(t(80_002, mallory, mallory, 100));
        });
    reconciliation.checkTransfers(BigInteger.valueOf(80_003));
    reconciliation.checkTransfers(BigInteger.valueOf(80_003));
    JsonNode open = mismatches(viewer);
    assertThat(open.findValuesAsString("subject")).contains("90002", "90003", "80002");
    assertThat(open.findValuesAsString("subject")).doesNotContain("90001", "80001");
    assertThat(open.findValuesAsString("subject").stream().filter(x -> x.equals("90002")).count())
        .isEqualTo(1);
    JsonNode audit =
        json(
            call("GET", "/api/audit?actor=system:reconciliation&limit=20", bootstrapToken(), null));
    assertThat(audit.path("entries").findValuesAsString("outcome")).contains("alert");
  }

  private static String bootstrapToken() {
    return org.fedbridge.admin.TestConsole.BOOTSTRAP_TOKEN;
  }
}
