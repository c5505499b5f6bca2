package org.fedbridge.devnet;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs that run a main class from the devnet's own classpath. */
final class Jvm {
  private Jvm() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The devnet's classpath: its jar plus {@code lib/*} when started with {@code java -jar} (where
   * {@code java.class.path} names only the jar), else the JVM's class path.
   */
  static String classpath() {
    try {
      Path self = Path.of(Jvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
        return self + File.pathSeparator + self.resolveSibling("lib") + File.separator + "*";
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall back to the class path below
    }
    return System.getProperty("java.class.path");
  }

  /** {@code java <jvmOption> -cp <devnet classpath> <mainClass> <args...>}. */
  static List<String> command(String jvmOption, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add(jvmOption);
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }
}
