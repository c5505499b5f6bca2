package org.fedbridge.relayer.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A service in its own JVM (a jar, or a main class on this test's classpath), its output in a log
 * file, ready once its readiness probe answers 200; killed with SIGKILL to test crashes, and always
 * stopped when the test JVM exits.
 */
final class ChildJvm implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final List<String> command;
  private final Path log;
  private final int port;
  private Process process;

  private ChildJvm(String name, List<String> command, Path log, int port) {
    this.name = name;
    this.command = command;
    this.log = log;
    this.port = port;
  }

  static ChildJvm jar(String name, Path jar, int port, Path log, List<String> args) {
    List<String> command = base();
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return new ChildJvm(name, command, log, port);
  }

  static ChildJvm mainClass(String name, Class<?> main, int port, Path log, List<String> args) {
    List<String> command = base();
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    return new ChildJvm(name, command, log, port);
  }

  private static List<String> base() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx320m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    return command;
  }

  /** Starts the process and waits until its readiness probe is UP. */
  ChildJvm start(Duration timeout) {
    try {
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    Process p = process;
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "stop-" + name));
    await(name + " ready (log: " + log + ")")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
              }
              return ready();
            });
    return this;
  }

  private boolean ready() {
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  /** SIGKILL: no shutdown hook, no graceful stop; what a crash looks like. */
  void kill() {
    Process p = process;
    p.destroyForcibly();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(
            Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
