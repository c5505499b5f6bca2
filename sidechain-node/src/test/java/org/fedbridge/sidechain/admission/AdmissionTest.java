package org.fedbridge.sidechain.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.ledger.Block;
import org.fedbridge.sidechain.ledger.LogRecord;
import org.fedbridge.sidechain.ledger.LogRecords;
import org.fedbridge.sidechain.testing.LedgerHarness;
import org.fedbridge.sidechain.testing.RecordingLog;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.sidechain.tx.Decoded;
import org.fedbridge.sidechain.tx.SignedTransaction;
import org.fedbridge.sidechain.tx.TxError;
import org.fedbridge.sidechain.tx.TxRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Admission's nonce queue on an in-memory log and a real ledger: what is appended, in which order,
 * what waits, and what is refused with which of geth's messages.
 */
class AdmissionTest {
  static final long CHAIN = 1337;
  static final List<TestAccounts.Account> SENDERS = TestAccounts.many("admission", 3);
  static final Genesis GENESIS = TestGenesis.of(CHAIN, SENDERS, "0");
  static final Address SINK = Address.fromHex("0x00000000000000000000000000000000000000be");

  /** A node: a ledger fed by hand, the in-memory log, and admission in front of it. */
  static final class Node {
    final LedgerHarness chain = new LedgerHarness(GENESIS, 1000);
    final RecordingLog log = new RecordingLog();
    final Admission admission;

    Node(int window, int maxQueued) {
      admission = new Admission(chain::ledger, log, window, maxQueued);
    }

    /** Sender {@code s}'s transaction with nonce {@code n}; {@code variant} changes its bytes. */
    static byte[] tx(int s, long n, int variant) {
      return TestAccounts.transfer(SENDERS.get(s), CHAIN, n, SINK, BigInteger.valueOf(1 + variant));
    }

    Admission.Verdict submit(int s, long n, int variant) {
      return admission.submit(tx(s, n, variant));
    }

    /** The (sender, nonce) of every transaction in the log, in log order. */
    List<String> logged() {
      List<String> out = new ArrayList<>();
      for (byte[] r : log.records()) {
        LogRecord rec = LogRecords.read(r);
        SignedTransaction t =
            ((Decoded.Ok) chain.ledger().decoder().decode(((LogRecord.Transaction) rec).raw()))
                .tx();
        out.add(SENDERS.indexOf(account(t.sender())) + ":" + t.nonce());
      }
      return out;
    }

    /** Executes what the log holds and cuts a block, as a replica would. */
    Block executeLog() {
      for (byte[] r : log.records().subList(executed, log.size())) {
        chain.apply(r);
      }
      executed = log.size();
      Block b = chain.tick().orElseThrow();
      admission.stored(b);
      return b;
    }

    private int executed;
  }

  static TestAccounts.Account account(Address a) {
    return SENDERS.stream().filter(x -> x.address().equals(a)).findFirst().orElseThrow();
  }

  /** One submission: sender, nonce, variant of the bytes, and the expected refusal (or none). */
  record Step(int sender, long nonce, int variant, TxError refused) {
    static Step ok(int sender, long nonce) {
      return new Step(sender, nonce, 0, null);
    }

    static Step refused(int sender, long nonce, int variant, TxError why) {
      return new Step(sender, nonce, variant, why);
    }
  }

  /** A table row: settings, submissions, then the log and pending nonces that must result. */
  record Scenario(
      String name,
      int window,
      int maxQueued,
      List<Step> steps,
      List<String> log,
      Map<Integer, Long> pendingNonces,
      int waiting) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario(
            "in order: each is appended at once",
            8,
            10,
            List.of(Step.ok(0, 0), Step.ok(0, 1), Step.ok(0, 2)),
            List.of("0:0", "0:1", "0:2"),
            Map.of(0, 3L),
            0),
        new Scenario(
            "a gap inside the window waits, then flushes in nonce order when it closes",
            8,
            10,
            List.of(Step.ok(0, 3), Step.ok(0, 1), Step.ok(0, 2), Step.ok(0, 0)),
            List.of("0:0", "0:1", "0:2", "0:3"),
            Map.of(0, 4L),
            0),
        new Scenario(
            "a gap that stays open keeps its transactions waiting, nothing appended",
            8,
            10,
            List.of(Step.ok(0, 2), Step.ok(0, 5)),
            List.of(),
            Map.of(0, 0L),
            2),
        new Scenario(
            "the window's edge is accepted, one beyond it is nonce too high",
            4,
            10,
            List.of(Step.ok(0, 4), Step.refused(0, 5, 0, TxError.NONCE_TOO_HIGH)),
            List.of(),
            Map.of(0, 0L),
            1),
        new Scenario(
            "a nonce already taken is nonce too low",
            8,
            10,
            List.of(Step.ok(0, 0), Step.refused(0, 0, 1, TxError.NONCE_TOO_LOW)),
            List.of("0:0"),
            Map.of(0, 1L),
            0),
        new Scenario(
            "the same bytes twice are already known, appended or waiting",
            8,
            10,
            List.of(
                Step.ok(0, 0),
                Step.refused(0, 0, 0, TxError.ALREADY_KNOWN),
                Step.ok(0, 2),
                Step.refused(0, 2, 0, TxError.ALREADY_KNOWN)),
            List.of("0:0"),
            Map.of(0, 1L),
            1),
        new Scenario(
            "another transaction for a waiting nonce is refused, never silently lost",
            8,
            10,
            List.of(Step.ok(0, 2), Step.refused(0, 2, 7, TxError.REPLACEMENT_UNDERPRICED)),
            List.of(),
            Map.of(0, 0L),
            1),
        new Scenario(
            "at capacity the pool is full, for any sender; in-order ones still pass",
            8,
            2,
            List.of(
                Step.ok(0, 1),
                Step.ok(1, 1),
                Step.refused(2, 1, 0, TxError.POOL_FULL),
                Step.ok(2, 0)),
            List.of("2:0"),
            Map.of(0, 0L, 1, 0L, 2, 1L),
            2),
        new Scenario(
            "senders are independent",
            8,
            10,
            List.of(Step.ok(1, 1), Step.ok(0, 0), Step.ok(1, 0), Step.ok(2, 0)),
            List.of("0:0", "1:0", "1:1", "2:0"),
            Map.of(0, 1L, 1, 2L, 2, 1L),
            0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void nonceQueue(Scenario s) {
    Node node = new Node(s.window(), s.maxQueued());
    for (Step step : s.steps()) {
      Admission.Verdict v = node.submit(step.sender(), step.nonce(), step.variant());
      if (step.refused() == null) {
        assertThat(v).as("%s", step).isInstanceOf(Admission.Verdict.Accepted.class);
      } else {
        assertThat(v).as("%s", step).isInstanceOf(Admission.Verdict.Refused.class);
        TxRejected why = ((Admission.Verdict.Refused) v).rejection();
        assertThat(why.error()).as("%s", step).isEqualTo(step.refused());
        assertThat(why.message()).startsWith(step.refused().message());
      }
    }
    assertThat(node.logged()).isEqualTo(s.log());
    s.pendingNonces()
        .forEach(
            (sender, nonce) ->
                assertThat(node.admission.pendingNonce(SENDERS.get(sender).address()))
                    .as("pending nonce of sender %d", sender)
                    .isEqualTo(nonce));
    assertThat(node.admission.waitingCount()).isEqualTo(s.waiting());
  }

  @Test
  void aDroppedRecordResetsThePendingNonceToTheState() {
    Node node = new Node(8, 10);
    byte[] raw = Node.tx(0, 0, 0);
    assertThat(node.admission.submit(raw)).isInstanceOf(Admission.Verdict.Accepted.class);
    assertThat(node.admission.pendingNonce(SENDERS.get(0).address())).isEqualTo(1);
    SignedTransaction tx = ((Decoded.Ok) node.chain.ledger().decoder().decode(raw)).tx();
    // Execution refused what the log carried (another node's transaction took the nonce first).
    node.admission.dropped(tx, TxRejected.of(TxError.NONCE_TOO_LOW, "taken"));
    assertThat(node.admission.pendingNonce(SENDERS.get(0).address())).isZero();
    assertThat(node.admission.pendingTransaction(tx.hash())).isNull();
    // The same transaction may be sent again, and is appended again.
    assertThat(node.admission.submit(raw)).isInstanceOf(Admission.Verdict.Accepted.class);
    assertThat(node.logged()).containsExactly("0:0", "0:0");
  }

  @Test
  void aStoredBlockForgetsItsTransactionsAndThePendingNonceFollowsTheState() {
    Node node = new Node(8, 10);
    byte[] first = Node.tx(0, 0, 0);
    node.admission.submit(first);
    node.submit(0, 1, 0);
    SignedTransaction tx = ((Decoded.Ok) node.chain.ledger().decoder().decode(first)).tx();
    assertThat(node.admission.pendingTransaction(tx.hash())).isEqualTo(tx);
    Block b = node.executeLog();
    assertThat(b.transactions()).hasSize(2);
    assertThat(node.admission.pendingTransaction(tx.hash())).isNull();
    assertThat(node.chain.ledger().state().nonce(SENDERS.get(0).address())).isEqualTo(2);
    assertThat(node.admission.pendingNonce(SENDERS.get(0).address())).isEqualTo(2);
    // A transaction now executed is too old, whatever admission remembered before.
    assertThat(node.admission.submit(first)).isInstanceOf(Admission.Verdict.Refused.class);
    assertThat(node.submit(0, 2, 0)).isInstanceOf(Admission.Verdict.Accepted.class);
    assertThat(node.logged()).containsExactly("0:0", "0:1", "0:2");
  }

  @Test
  void aTransactionThatCouldNotExecuteIsRefusedWithGethsReason() {
    Node node = new Node(8, 10);
    TestAccounts.Account poor = TestAccounts.derived("admission-poor", 0);
    Admission.Verdict v =
        node.admission.submit(TestAccounts.transfer(poor, CHAIN, 0, SINK, BigInteger.ONE));
    assertThat(((Admission.Verdict.Refused) v).rejection().error())
        .isEqualTo(TxError.INSUFFICIENT_FUNDS);
    Admission.Verdict garbage = node.admission.submit(new byte[] {0x02, 0x01});
    assertThat(((Admission.Verdict.Refused) garbage).rejection().error())
        .isEqualTo(TxError.MALFORMED);
    assertThat(node.log.size()).isZero();
  }

  /**
   * Many threads race to submit different transactions for the same nonces of the same senders:
   * every nonce slot goes to exactly one of them, and each sender's transactions reach the log in
   * nonce order.
   */
  @Test
  void concurrentSubmissionsNeverGiveOneNonceSlotTwice() throws Exception {
    int threads = 8;
    int nonces = 40;
    Node node = new Node(nonces, 10_000);
    // Each thread's own variant of every (sender, nonce), signed up front; shuffled per thread.
    List<List<byte[]>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<byte[]> mine = new ArrayList<>();
      for (int s = 0; s < SENDERS.size(); s++) {
        for (int n = 0; n < nonces; n++) {
          mine.add(Node.tx(s, n, t));
        }
      }
      java.util.Collections.shuffle(mine, new java.util.Random(t));
      work.add(mine);
    }
    Map<String, Integer> accepted = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (List<byte[]> mine : work) {
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (byte[] raw : mine) {
                  if (node.admission.submit(raw) instanceof Admission.Verdict.Accepted) {
                    SignedTransaction t =
                        ((Decoded.Ok) node.chain.ledger().decoder().decode(raw)).tx();
                    accepted.merge(
                        SENDERS.indexOf(account(t.sender())) + ":" + t.nonce(), 1, Integer::sum);
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(accepted).hasSize(SENDERS.size() * nonces);
    assertThat(accepted.values()).allMatch(count -> count == 1);
    List<String> logged = node.logged();
    assertThat(logged).hasSize(SENDERS.size() * nonces).doesNotHaveDuplicates();
    for (int s = 0; s < SENDERS.size(); s++) {
      String prefix = s + ":";
      List<Long> order =
          logged.stream()
              .filter(x -> x.startsWith(prefix))
              .map(x -> Long.parseLong(x.substring(prefix.length())))
              .toList();
      assertThat(order).isSorted().hasSize(nonces);
    }
    assertThat(node.admission.waitingCount()).isZero();
    // Executing the log includes every one of them: nothing the node accepted is dropped.
    assertThat(node.executeLog().transactions()).hasSize(SENDERS.size() * nonces);
  }
}
