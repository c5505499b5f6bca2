package org.fedbridge.validator.watch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.fedbridge.core.types.Address;
import org.fedbridge.validator.Periodic;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.batch.Observations;
import org.fedbridge.validator.signing.SigningHalt;
import org.fedbridge.validator.signing.SigningLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;

/**
 * Wires the two watchers, each polled on its own thread. Their L1 and sidechain clients are private
 * to this feature (no {@code Web3j} bean is exposed).
 */
@Configuration(proxyBeanMethods = false)
public class WatchConfiguration {
  private static final Logger log = LoggerFactory.getLogger(WatchConfiguration.class);

  /** The watchers assembled without Spring (tools and tests); poll them directly. */
  public record Standalone(L1Watcher l1, SidechainWatcher sidechain, WatchStatus status) {}

  /**
   * Assembles both watchers exactly as the Spring context does.
   *
   * @param onNewBatch called after a poll stored a new batch (the signing loop's {@code wake})
   */
  public static Standalone standalone(
      Web3j l1,
      Web3jService sidechain,
      Observations observations,
      SigningHalt halt,
      MeterRegistry registry,
      Clock clock,
      ValidatorProperties properties,
      Runnable onNewBatch) {
    WatchState state = new WatchState(halt);
    WatchMetrics metrics = new WatchMetrics(registry, state);
    return new Standalone(
        l1Watcher(l1, observations, halt, state, metrics, clock, properties, onNewBatch),
        sidechainWatcher(
            sidechain, observations, halt, state, metrics, clock, properties, onNewBatch),
        state);
  }

  private static L1Watcher l1Watcher(
      Web3j web3j,
      Observations observations,
      SigningHalt halt,
      WatchState state,
      WatchMetrics metrics,
      Clock clock,
      ValidatorProperties properties,
      Runnable onNewBatch) {
    ValidatorProperties.L1 l1 = properties.l1();
    return new L1Watcher(
        new Web3jL1Node(web3j, l1.vault()),
        observations,
        halt,
        state,
        metrics,
        clock,
        Address.fromHex(l1.vault()),
        l1.finality(),
        l1.confirmations(),
        l1.startBlock(),
        l1.maxBlocksPerPoll(),
        l1.readAhead(),
        onNewBatch);
  }

  private static SidechainWatcher sidechainWatcher(
      Web3jService service,
      Observations observations,
      SigningHalt halt,
      WatchState state,
      WatchMetrics metrics,
      Clock clock,
      ValidatorProperties properties,
      Runnable onNewBatch) {
    ValidatorProperties.Sidechain sc = properties.sidechain();
    return new SidechainWatcher(
        new Web3jSidechainNode(service),
        observations,
        halt,
        state,
        metrics,
        clock,
        sc.startBlock(),
        sc.maxBlocksPerPoll(),
        onNewBatch);
  }

  @Bean
  WatchState watchState(SigningHalt halt) {
    return new WatchState(halt);
  }

  @Bean
  WatchMetrics watchMetrics(MeterRegistry registry, WatchState state) {
    return new WatchMetrics(registry, state);
  }

  /** The watchers' HTTP clients, shut down with the context. */
  static final class Clients implements AutoCloseable {
    final Web3j l1;
    final HttpService sidechain;

    Clients(ValidatorProperties p) {
      this.l1 = Web3j.build(new HttpService(p.l1().rpcUrl().toString(), http(p.l1().timeout())));
      this.sidechain =
          new HttpService(p.sidechain().rpcUrl().toString(), http(p.sidechain().timeout()));
    }

    private static OkHttpClient http(Duration timeout) {
      return new OkHttpClient.Builder().callTimeout(timeout).build();
    }

    @Override
    public void close() throws Exception {
      l1.shutdown();
      sidechain.close();
    }
  }

  @Bean
  Clients watchClients(ValidatorProperties properties) {
    return new Clients(properties);
  }

  @Bean
  L1Watcher l1Watcher(
      Clients clients,
      Observations observations,
      SigningHalt halt,
      WatchState state,
      WatchMetrics metrics,
      Clock clock,
      SigningLoop signing,
      ValidatorProperties properties) {
    return l1Watcher(
        clients.l1, observations, halt, state, metrics, clock, properties, signing::wake);
  }

  @Bean
  SidechainWatcher sidechainWatcher(
      Clients clients,
      Observations observations,
      SigningHalt halt,
      WatchState state,
      WatchMetrics metrics,
      Clock clock,
      SigningLoop signing,
      ValidatorProperties properties) {
    return sidechainWatcher(
        clients.sidechain, observations, halt, state, metrics, clock, properties, signing::wake);
  }

  /** One poll of a watcher; a node that cannot answer is retried on the next one. */
  interface Poll {
    void run() throws NodeException;
  }

  /**
   * Runs {@code poll}, logging the first failure of a streak as a warning and the rest at debug
   * level (a node that is down for an hour should not write 3,600 warnings), and the recovery.
   */
  static Runnable quietly(String node, Poll poll) {
    boolean[] failing = {false};
    return () -> {
      try {
        poll.run();
        if (failing[0]) {
          log.info("{} answers again", node);
          failing[0] = false;
        }
      } catch (NodeException e) {
        if (failing[0]) {
          log.debug("{} still failing: {}", node, e.getMessage());
        } else {
          log.warn("{} failing, retrying every poll: {}", node, e.getMessage());
          failing[0] = true;
        }
      }
    };
  }

  @Bean
  Periodic l1WatchLoop(L1Watcher watcher, ValidatorProperties properties) {
    return new Periodic(
        "l1-watcher", properties.l1().pollInterval(), quietly("L1 node", watcher::poll));
  }

  @Bean
  Periodic sidechainWatchLoop(SidechainWatcher watcher, ValidatorProperties properties) {
    return new Periodic(
        "sidechain-watcher",
        properties.sidechain().pollInterval(),
        quietly("sidechain replica", watcher::poll));
  }
}
