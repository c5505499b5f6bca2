package org.fedbridge.devnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A bridge service run from its Spring Boot jar, ready once its readiness probe answers UP. */
final class Service {
  private final String name;
  private final int port;
  private final ChildProcess process;

  private Service(String name, int port, ChildProcess process) {
    this.name = name;
    this.port = port;
    this.process = process;
  }

  static Path jar(Path root, String module) {
    Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new DevnetException(jar + " is missing: build first (./devnet does it)");
    }
    return jar;
  }

  static Service start(
      String name, Path jar, int port, List<String> args, Path workDir, Path logs) {
    List<String> command = new ArrayList<>();
    command.add(Jvm.java());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.io.tmpdir=" + workDir.resolve("tmp"));
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.addAll(args);
    return new Service(
        name, port, ChildProcess.start(name, command, workDir, logs.resolve(name + ".log")));
  }

  /** Settings that put a validator in its own schema of the devnet's one PostgreSQL. */
  static List<String> schema(String schema) {
    return List.of(
        "--spring.flyway.schemas=" + schema,
        "--spring.flyway.default-schema=" + schema,
        "--spring.jpa.properties.hibernate.default_schema=" + schema,
        "--spring.datasource.hikari.schema=" + schema);
  }

  String name() {
    return name;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  ChildProcess process() {
    return process;
  }

  void awaitReady(Duration timeout) {
    Waits.until(
        name + " readiness at " + url(),
        timeout,
        () -> Http.ok(url() + "/actuator/health/readiness"),
        process::checkAlive);
  }
}
