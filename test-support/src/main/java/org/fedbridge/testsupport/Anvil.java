package org.fedbridge.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real local L1: anvil (Foundry) from the pinned npm package, on a free loopback port. {@link
 * #shared()} gives one per test JVM; {@link #start()} a fresh one that the caller closes. Every
 * instance is stopped when the JVM exits, so no test leaves a process behind.
 */
public final class Anvil implements AutoCloseable {
  public static final long CHAIN_ID = 31337;

  /** Anvil's well-known dev account 0 key (public test mnemonic; never holds real value). */
  public static final String DEV_PRIVATE_KEY =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  private static final Pattern PRIVATE_KEY = Pattern.compile("^\\(\\d+\\) (0x[0-9a-fA-F]{64})$");
  private static final Pattern ADDRESS =
      Pattern.compile("^\\(\\d+\\) (0x[0-9a-fA-F]{40})(?: \\(.*\\))?$");
  private static Anvil shared;

  private final Process process;
  private final int port;
  private final List<String> privateKeys;
  private final List<String> addresses;

  private Anvil(Process process, int port, List<String> addresses, List<String> privateKeys) {
    this.process = process;
    this.port = port;
    this.addresses = List.copyOf(addresses);
    this.privateKeys = List.copyOf(privateKeys);
  }

  /** The JVM-wide anvil, started on first call. */
  public static synchronized Anvil shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /** Starts a fresh anvil with chain id {@value #CHAIN_ID}; the caller closes it. */
  public static Anvil start(String... extraArgs) {
    int port = FreePorts.next();
    List<String> command = new ArrayList<>();
    command.add(ProjectRoot.npmBinary("anvil").toString());
    command.addAll(
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--chain-id",
            Long.toString(CHAIN_ID)));
    command.addAll(List.of(extraArgs));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start anvil", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-anvil"));
    List<String> addresses = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    CompletableFuture<Void> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> readOutput(process, addresses, keys, listening), "anvil-" + port + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      listening.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while anvil started", e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("anvil did not start on port " + port, e);
    }
    synchronized (keys) {
      return new Anvil(process, port, addresses, keys);
    }
  }

  // Drains anvil's output for its whole life (a full pipe would block it) and picks out the
  // dev accounts it prints before "Listening on".
  private static void readOutput(
      Process process,
      List<String> addresses,
      List<String> keys,
      CompletableFuture<Void> listening) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String section = "";
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        String trimmed = line.trim();
        if (trimmed.startsWith("Available Accounts")) {
          section = "accounts";
        } else if (trimmed.startsWith("Private Keys")) {
          section = "keys";
        } else if (trimmed.startsWith("Listening on")) {
          listening.complete(null);
        } else if (!listening.isDone()) {
          synchronized (keys) {
            Matcher key = PRIVATE_KEY.matcher(trimmed);
            Matcher address = ADDRESS.matcher(trimmed);
            if (section.equals("keys") && key.matches()) {
              keys.add(key.group(1));
            } else if (section.equals("accounts") && address.matches()) {
              addresses.add(address.group(1));
            }
          }
        }
      }
      listening.completeExceptionally(
          new IllegalStateException("anvil exited with " + process.waitFor()));
    } catch (IOException e) {
      listening.completeExceptionally(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      listening.completeExceptionally(e);
    }
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long chainId() {
    return CHAIN_ID;
  }

  /** The pre-funded dev accounts' private keys (0x-hex), in anvil's order. */
  public List<String> privateKeys() {
    return privateKeys;
  }

  /** The pre-funded dev accounts' addresses, in anvil's order. */
  public List<String> addresses() {
    return addresses;
  }

  /** The first pre-funded account's private key: the usual deployer in tests. */
  public String devPrivateKey() {
    return privateKeys.get(0);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
