package org.fedbridge.relayer.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fedbridge.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two writers of one batch in their own transactions, as the sidechain watcher (the block's root)
 * and the certificate consumer (the certificate) are: the second waits for the first and keeps what
 * it wrote. Found on the devnet: a certificate that arrived while the watcher stored the block's
 * root wrote a rootless copy over it, and the withdrawal stayed "requested" for ever.
 */
@SpringBootTest(
    args = {
      "--bridge.relayer.l1.rpc-url=http://127.0.0.1:1",
      "--bridge.relayer.l1.chain-id=31337",
      "--bridge.relayer.vault=0x5FbDB2315678afecb367f032d93F642f64180aa3",
      "--bridge.relayer.sidechain.rpc-url=http://127.0.0.1:1",
      "--bridge.relayer.sidechain.chain-id=1337"
    })
class BatchWritersTest {
  static final String ROOT = "0x" + "ab".repeat(32);

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "bridge.relayer.kafka.bootstrap-servers");
  }

  @Autowired BatchBook batches;
  @Autowired BatchRepository rows;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  void aCertificateArrivingWhileTheWatcherStoresTheRootKeepsTheRoot() throws Exception {
    long batchId = 900_000 + System.nanoTime() % 100_000;
    Instant now = Instant.now();
    CountDownLatch rootWritten = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> watcher =
        CompletableFuture.runAsync(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      batches.chainRoot(Kind.WITHDRAWAL, batchId, ROOT, 1, now);
                      rootWritten.countDown();
                      hold(release);
                    }));
    assertThat(rootWritten.await(1, TimeUnit.MINUTES)).isTrue();
    CompletableFuture<Void> certificate =
        CompletableFuture.runAsync(
            () ->
                tx.executeWithoutResult(
                    s ->
                        batches.certified(
                            Kind.WITHDRAWAL, batchId, 0, ROOT, 1, new byte[] {1, 2, 3}, now)));
    // The certificate's transaction waits for the batch row the watcher holds.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted")
                        .query(Long.class)
                        .single()
                    > 0);
    release.countDown();
    watcher.get(1, TimeUnit.MINUTES);
    certificate.get(1, TimeUnit.MINUTES);
    BatchEntity b = rows.findById(new BatchEntity.Key(Kind.WITHDRAWAL, batchId)).orElseThrow();
    assertThat(b.root).isEqualTo(ROOT);
    assertThat(b.leafCount).isEqualTo(1);
    assertThat(b.certifiedAt).isNotNull();
    assertThat(b.certRoot).isEqualTo(ROOT);
  }

  private static void hold(CountDownLatch latch) {
    try {
      assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
