package org.fedbridge.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the checkout root, where {@code package.json} and {@code node_modules} live. */
public final class ProjectRoot {
  private ProjectRoot() {}

  /**
   * The root named by the {@code fedbridge.root} system property (the build sets it), else the
   * nearest ancestor of the working directory that holds both {@code pom.xml} and {@code
   * package.json}.
   */
  public static Path get() {
    String configured = System.getProperty("fedbridge.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isRegularFile(dir.resolve("package.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the project root: set -Dfedbridge.root or run from inside the checkout");
  }

  /** A binary installed by {@code npm ci}, for example {@code anvil}. */
  public static Path npmBinary(String tool) {
    Path binary =
        get()
            .resolve("node_modules/@foundry-rs/" + tool + "-linux-amd64/bin/" + tool)
            .toAbsolutePath();
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          binary + " is missing: run `npm ci` at the project root (the Maven build does it)");
    }
    return binary;
  }
}
