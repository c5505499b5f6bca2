package org.fedbridge.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.fedbridge.k8s.Dockerfile.Instruction;
import org.fedbridge.k8s.Dockerfile.Stage;

/**
 * The rules each service image follows, checked on its Dockerfile since no Docker engine runs here:
 * a digest-pinned base, the Spring Boot jar's layers copied in their order, a numeric non-root
 * user, the heap sized from the container limit, no HEALTHCHECK (Kubernetes probes), no secrets,
 * and a build context that lets only the jar in.
 */
final class DockerfileRules {
  private static final Pattern PINNED = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");
  private static final Pattern SECRET =
      Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL|API_?KEY).*");
  private static final Pattern SECRET_FILE =
      Pattern.compile(
          "(?i).*(\\.pem|\\.key|\\.p12|\\.jks|\\.env|keystore|password|secret|id_rsa).*");
  private static final Pattern NUMERIC_USER = Pattern.compile("([1-9][0-9]*)(:[0-9]+)?");
  private static final Pattern LAYER = Pattern.compile("^- \"([^\"]+)\":$", Pattern.MULTILINE);

  private DockerfileRules() {}

  static List<String> violations(Dockerfile df, String service, List<String> layers) {
    List<String> out = new ArrayList<>();
    Set<String> stageNames =
        df.stages().stream().map(Stage::name).filter(n -> n != null).collect(Collectors.toSet());
    for (Stage s : df.stages()) {
      if (!stageNames.contains(s.base()) && !PINNED.matcher(s.base()).matches()) {
        out.add("FROM " + s.base() + ": the base image must be pinned by digest");
      }
      for (Instruction i : s.instructions()) {
        if (i.keyword().equals("HEALTHCHECK") && !i.args().strip().equalsIgnoreCase("NONE")) {
          out.add("HEALTHCHECK: none wanted, Kubernetes probes the actuator");
        }
        if (i.keyword().equals("ENV") || i.keyword().equals("ARG")) {
          String name = i.args().split("[=\\s]", 2)[0];
          if (SECRET.matcher(name).matches()) {
            out.add(i.keyword() + " " + name + ": no secret in an image");
          }
        }
        if (i.keyword().equals("ADD")) {
          out.add("ADD " + i.args() + ": use COPY (ADD fetches URLs and unpacks archives)");
        }
        if (i.keyword().equals("COPY") && !i.args().startsWith("--from=")) {
          String source = i.args().split("\\s+")[0];
          String jar = service + "/target/" + service + ".jar";
          if (!source.equals(jar)) {
            out.add("COPY " + source + ": only " + jar + " may come from the build context");
          }
          if (SECRET_FILE.matcher(source).matches()) {
            out.add("COPY " + source + ": looks like a secret");
          }
        }
      }
    }
    if (df.globalArgs().keySet().stream().anyMatch(a -> SECRET.matcher(a).matches())) {
      out.add("ARG: no secret in an image");
    }
    Stage last = df.last();
    List<Instruction> users = last.all("USER");
    if (users.isEmpty()) {
      out.add("USER: the final stage must set a numeric non-root user");
    } else if (!NUMERIC_USER.matcher(users.get(users.size() - 1).args().strip()).matches()) {
      out.add("USER " + users.get(users.size() - 1).args() + ": must be a numeric non-root UID");
    }
    boolean extracts =
        df.stages().stream()
            .flatMap(s -> s.all("RUN").stream())
            .anyMatch(
                r ->
                    r.args().contains("-Djarmode=tools")
                        && r.args().contains("extract --layers --launcher"));
    if (!extracts) {
      out.add(
          "RUN: a build stage must extract the jar's layers (-Djarmode=tools extract --layers --launcher)");
    }
    List<String> copied = new ArrayList<>();
    Pattern layerCopy = Pattern.compile("--from=\\S+\\s+\\S*/extracted/([^/\\s]+)/?\\s+\\S+");
    for (Instruction i : last.all("COPY")) {
      Matcher m = layerCopy.matcher(i.args());
      if (m.matches()) {
        copied.add(m.group(1));
      }
    }
    if (!copied.equals(layers)) {
      out.add("COPY: the final stage copies layers " + copied + ", the jar has " + layers);
    }
    List<Instruction> entry = last.all("ENTRYPOINT");
    List<String> argv = entry.isEmpty() ? List.of() : execForm(entry.get(entry.size() - 1).args());
    if (argv.isEmpty()
        || !argv.get(0).equals("java")
        || !argv.contains("org.springframework.boot.loader.launch.JarLauncher")) {
      out.add(
          "ENTRYPOINT: must be the exec form [\"java\", ..., \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }
    String jvm =
        last.all("ENV").stream()
            .map(Instruction::args)
            .filter(a -> a.startsWith("JAVA_TOOL_OPTIONS="))
            .findFirst()
            .orElse("");
    if (!jvm.contains("-XX:MaxRAMPercentage=") || jvm.contains("-Xmx")) {
      out.add(
          "ENV JAVA_TOOL_OPTIONS: the heap must follow the container limit (MaxRAMPercentage, no -Xmx)");
    }
    Integer port = PodRules.serverPort(service);
    List<String> exposed = last.all("EXPOSE").stream().map(i -> i.args().strip()).toList();
    if (port == null || !exposed.equals(List.of(String.valueOf(port)))) {
      out.add("EXPOSE " + exposed + ": must be the service's server.port " + port);
    }
    return out;
  }

  /** The build-context filter next to the Dockerfile: everything out, the jar back in. */
  static List<String> ignoreFile(String text, String service) {
    List<String> rules =
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    List<String> want = List.of("*", "!" + service + "/target/" + service + ".jar");
    return rules.equals(want)
        ? List.of()
        : List.of("Dockerfile.dockerignore must be exactly " + want + ", is " + rules);
  }

  private static List<String> execForm(String args) {
    try {
      return List.of(new ObjectMapper().readValue(args, String[].class));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The layer names of a Spring Boot jar, in order (BOOT-INF/layers.idx). */
  static List<String> jarLayers(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          jar + " is missing: build the services first (mvn -B verify builds them before k8s)");
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      var entry = zip.getEntry("BOOT-INF/layers.idx");
      if (entry == null) {
        throw new AssertionError(jar + " is not a layered Spring Boot jar");
      }
      String idx = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      List<String> layers = new ArrayList<>();
      Matcher m = LAYER.matcher(idx);
      while (m.find()) {
        layers.add(m.group(1));
      }
      return layers;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
