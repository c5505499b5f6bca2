package org.fedbridge.devnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local L1: anvil from the pinned npm package, mining a block every second, its finalized head
 * ~4 s behind.
 */
final class Anvil {
  static final long CHAIN_ID = 31337;

  private Anvil() {}

  static ChildProcess start(Path root, int port, Path logs) {
    Path binary = root.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
    if (!Files.isExecutable(binary)) {
      throw new DevnetException(
          binary + " is missing: run `npm ci` at the project root (the Maven build does it)");
    }
    ChildProcess anvil =
        ChildProcess.start(
            "anvil",
            List.of(
                binary.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--chain-id",
                Long.toString(CHAIN_ID),
                // Regular blocks so that confirmations and finality advance with no traffic.
                "--block-time",
                "1",
                // The 'finalized' tag 2 epochs behind the head: with 2-block epochs a deposit is
                // final (and minted) in ~4 s, not the ~64 s of anvil's default 32-slot epochs.
                "--slots-in-an-epoch",
                "2"),
            root,
            logs.resolve("anvil.log"));
    Waits.until(
        "anvil on 127.0.0.1:" + port,
        Duration.ofSeconds(30),
        () -> Ports.isListening("127.0.0.1", port),
        anvil::checkAlive);
    return anvil;
  }
}
