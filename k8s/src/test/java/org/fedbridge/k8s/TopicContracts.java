package org.fedbridge.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The topics the services insist on at start-up ({@code KafkaTopics.ensure} refuses a topic with
 * another partition count), read from their sources: each {@code new TopicSpec(properties.topics()
 * .x(), partitions, compacted)} and the default name of {@code x} in the service's properties
 * record. Read from the source because the k8s module may not depend on the services (the build
 * forbids it); a declaration this cannot read fails the build rather than being skipped.
 */
final class TopicContracts {
  record Contract(String topic, int partitions, boolean compacted) {}

  private static final Pattern SPEC =
      Pattern.compile(
          "new TopicSpec\\(\\s*properties\\.topics\\(\\)\\.(\\w+)\\(\\)\\s*,\\s*(\\d+)\\s*,\\s*(true|false)\\s*\\)");
  private static final Pattern DEFAULT =
      Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\)\\s+String\\s+(\\w+)");

  private TopicContracts() {}

  static Map<String, Contract> read() {
    Map<String, Contract> all = new TreeMap<>();
    for (String module : Repo.SERVICES) {
      Path src = Repo.root().resolve(module).resolve("src/main/java");
      List<String> sources = sources(src);
      Map<String, String> defaults = new HashMap<>();
      for (String s : sources) {
        Matcher d = DEFAULT.matcher(s);
        while (d.find()) {
          defaults.put(d.group(2), d.group(1));
        }
      }
      for (String s : sources) {
        int declared = count(s, "new TopicSpec(");
        Matcher m = SPEC.matcher(s);
        int read = 0;
        while (m.find()) {
          read++;
          String topic = defaults.get(m.group(1));
          if (topic == null) {
            throw new AssertionError(module + ": no default name for topics()." + m.group(1));
          }
          Contract c =
              new Contract(topic, Integer.parseInt(m.group(2)), Boolean.parseBoolean(m.group(3)));
          Contract before = all.putIfAbsent(topic, c);
          if (before != null && !before.equals(c)) {
            throw new AssertionError(module + " declares " + c + " but another service " + before);
          }
        }
        if (read != declared) {
          throw new AssertionError(
              module + ": a TopicSpec declaration this check cannot read; update TopicContracts");
        }
      }
    }
    return all;
  }

  private static List<String> sources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).map(Repo::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
