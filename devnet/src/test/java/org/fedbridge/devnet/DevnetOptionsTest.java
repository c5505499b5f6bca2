package org.fedbridge.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad options stop the launcher with one clear line, before it starts or wipes anything. */
class DevnetOptionsTest {

  private static int run(String... args) {
    return new CommandLine(new Devnet()).execute(args);
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void impossibleFederationSizeIsRefusedAndNothingIsTouched(@TempDir Path dir) throws Exception {
    Path marker = Files.writeString(dir.resolve("keep.txt"), "state");
    int[] exit = new int[1];
    String err = stderrOf(() -> exit[0] = run("--dir", dir.toString(), "--validators", "0"));
    assertThat(exit[0]).isEqualTo(1);
    assertThat(err).contains("devnet: --validators must be between 1 and 100, not 0");
    assertThat(marker).exists();
  }

  @Test
  void impossibleStandbyCountIsRefusedAndNothingIsTouched(@TempDir Path dir) throws Exception {
    Path marker = Files.writeString(dir.resolve("keep.txt"), "state");
    int[] exit = new int[1];
    String err =
        stderrOf(
            () -> exit[0] = run("--dir", dir.toString(), "--validators", "99", "--standby", "2"));
    assertThat(exit[0]).isEqualTo(1);
    assertThat(err)
        .contains(
            "devnet: --standby must be at least 0, with at most 100 validators in all, not 2");
    assertThat(marker).exists();
    err = stderrOf(() -> exit[0] = run("--dir", dir.toString(), "--standby", "-1"));
    assertThat(exit[0]).isEqualTo(1);
    assertThat(err).contains("--standby must be at least 0");
  }

  @Test
  void sidechainChainIdEqualToL1IsRefused(@TempDir Path dir) {
    int[] exit = new int[1];
    String err =
        stderrOf(() -> exit[0] = run("--dir", dir.toString(), "--sidechain-chain-id", "31337"));
    assertThat(exit[0]).isEqualTo(1);
    assertThat(err).contains("--sidechain-chain-id must be positive and differ");
  }

  @Test
  void malformedNumberIsAUsageError() {
    int[] exit = new int[1];
    String err = stderrOf(() -> exit[0] = run("--validators", "many"));
    assertThat(exit[0]).isEqualTo(2);
    assertThat(err).contains("--validators");
  }
}
