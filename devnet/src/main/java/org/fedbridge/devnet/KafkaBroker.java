package org.fedbridge.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one process), run
 * from the Kafka jars on the devnet's classpath, listening on 127.0.0.1 only.
 */
final class KafkaBroker {
  private KafkaBroker() {}

  static ChildProcess start(Path dir, int port, int controllerPort, Path logs) {
    try {
      Files.createDirectories(dir);
      Path config = dir.resolve("server.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "process.roles=broker,controller",
              "node.id=1",
              "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
              "listeners=PLAINTEXT://127.0.0.1:"
                  + port
                  + ",CONTROLLER://127.0.0.1:"
                  + controllerPort,
              "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
              "controller.listener.names=CONTROLLER",
              "inter.broker.listener.name=PLAINTEXT",
              "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
              "log.dirs=" + dir.resolve("data").toAbsolutePath(),
              "num.partitions=1",
              "offsets.topic.replication.factor=1",
              "transaction.state.log.replication.factor=1",
              "transaction.state.log.min.isr=1",
              "share.coordinator.state.topic.replication.factor=1",
              "share.coordinator.state.topic.min.isr=1",
              "group.initial.rebalance.delay.ms=0",
              ""));
      List<String> format =
          Jvm.command(
              "-Xmx256m",
              "kafka.tools.StorageTool",
              "format",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              config.toString());
      Process formatting =
          new ProcessBuilder(format)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka.log").toFile()))
              .start();
      if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
        formatting.destroyForcibly();
        throw new DevnetException(
            "formatting Kafka storage failed; see " + logs.resolve("kafka.log"));
      }
      ChildProcess broker =
          ChildProcess.start(
              "kafka",
              Jvm.command("-Xmx512m", "kafka.Kafka", config.toString()),
              dir,
              logs.resolve("kafka.log"));
      Waits.until(
          "Kafka on 127.0.0.1:" + port,
          Duration.ofSeconds(60),
          () -> Ports.isListening("127.0.0.1", port),
          broker::checkAlive);
      return broker;
    } catch (IOException e) {
      throw new DevnetException("cannot start Kafka: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted while starting Kafka", e);
    }
  }
}
