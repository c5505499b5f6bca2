package org.fedbridge.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize}, the command operators use. The
 * kubectl comes from {@code build/kubectl.sh}, which installs a pinned one when the machine has
 * none with Kustomize v5.
 */
final class Kustomize {
  private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();
  private static volatile String kubectl;

  private Kustomize() {}

  /** The rendered YAML (cached per JVM: rendering is deterministic). */
  static String render(Path dir) {
    return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
  }

  private static String run(Path dir) {
    return exec(List.of(kubectl(), "kustomize", dir.toString()), "kubectl kustomize " + dir);
  }

  static String kubectl() {
    if (kubectl == null) {
      String path =
          exec(List.of("bash", Repo.root().resolve("build/kubectl.sh").toString()), "kubectl.sh")
              .strip();
      String version = exec(List.of(path, "version", "--client"), "kubectl version");
      if (!version.matches("(?s).*Kustomize Version: v([5-9]|\\d{2,})\\..*")) {
        throw new AssertionError("kubectl at " + path + " lacks Kustomize v5+: " + version);
      }
      kubectl = path;
    }
    return kubectl;
  }

  private static String exec(List<String> command, String what) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .directory(Repo.root().toFile())
              .start();
      p.getOutputStream().close();
      // Read stderr on its own thread so that a chatty command cannot block on a full pipe.
      StringBuilder err = new StringBuilder();
      Thread drain =
          new Thread(
              () -> {
                try {
                  err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  err.append(e);
                }
              });
      drain.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(what + " timed out");
      }
      drain.join();
      if (p.exitValue() != 0) {
        throw new AssertionError(what + " failed (exit " + p.exitValue() + "): " + err);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError(what + " could not run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(what + " interrupted", e);
    }
  }
}
