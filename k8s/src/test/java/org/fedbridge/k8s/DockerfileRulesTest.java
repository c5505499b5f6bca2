package org.fedbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The images cannot be built here (no Docker engine), so their Dockerfiles are held to the image
 * rules of issue 12 instead, against the layers of the service jars the build just made. The
 * negative cases show each rule rejects what it should.
 */
class DockerfileRulesTest {
  static final List<String> SERVICES = Repo.SERVICES;
  private static final List<String> LAYERS =
      List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

  private static Path dir(String service) {
    return Repo.k8s().resolve("images").resolve(service);
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void eachServiceImageFollowsTheRules(String service) {
    Dockerfile df = Dockerfile.parse(Repo.read(dir(service).resolve("Dockerfile")));
    List<String> layers =
        DockerfileRules.jarLayers(
            Repo.root().resolve(service).resolve("target/" + service + ".jar"));
    assertThat(layers).containsExactlyElementsOf(LAYERS);
    assertThat(DockerfileRules.violations(df, service, layers)).isEmpty();
    assertThat(df.stages()).hasSize(2);
    assertThat(df.last().all("USER"))
        .singleElement()
        .extracting(Dockerfile.Instruction::args)
        .isEqualTo("10001:10001");
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void onlyTheJarEntersTheBuildContext(String service) {
    String ignore = Repo.read(dir(service).resolve("Dockerfile.dockerignore"));
    assertThat(DockerfileRules.ignoreFile(ignore, service)).isEmpty();
    assertThat(DockerfileRules.ignoreFile("*\n!relayer/target/relayer.jar\n!.env\n", "relayer"))
        .isNotEmpty();
  }

  private static final String GOOD =
      """
      ARG JRE=eclipse-temurin:17-jre@sha256:%s
      FROM ${JRE} AS layers
      COPY relayer/target/relayer.jar service.jar
      RUN java -Djarmode=tools -jar service.jar extract --layers --launcher --destination extracted
      FROM ${JRE}
      COPY --from=layers /build/extracted/dependencies/ ./
      COPY --from=layers /build/extracted/spring-boot-loader/ ./
      COPY --from=layers /build/extracted/snapshot-dependencies/ ./
      COPY --from=layers /build/extracted/application/ ./
      ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
      USER 10001
      EXPOSE 8080
      ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
      """
          .formatted("a".repeat(64));

  private static List<String> check(String dockerfile) {
    return DockerfileRules.violations(Dockerfile.parse(dockerfile), "relayer", LAYERS);
  }

  @Test
  void theReferenceDockerfilePasses() {
    assertThat(check(GOOD)).isEmpty();
  }

  @Test
  void anUnpinnedBaseIsRefused() {
    assertThat(check(GOOD.replace("@sha256:" + "a".repeat(64), ":17-jre")))
        .anyMatch(v -> v.contains("pinned by digest"));
  }

  @Test
  void rootOrANamedUserIsRefused() {
    assertThat(check(GOOD.replace("USER 10001", "USER root")))
        .anyMatch(v -> v.startsWith("USER root"));
    assertThat(check(GOOD.replace("USER 10001", "USER 0"))).anyMatch(v -> v.startsWith("USER 0"));
    assertThat(check(GOOD.replace("USER 10001\n", "")))
        .anyMatch(v -> v.contains("must set a numeric"));
  }

  @Test
  void aHealthcheckIsRefused() {
    assertThat(
            check(
                GOOD.replace(
                    "EXPOSE", "HEALTHCHECK CMD curl -f localhost:8080/actuator/health\nEXPOSE")))
        .anyMatch(v -> v.startsWith("HEALTHCHECK"));
  }

  @Test
  void secretsInTheImageAreRefused() {
    assertThat(check(GOOD.replace("EXPOSE", "ENV DB_PASSWORD=hunter2\nEXPOSE")))
        .anyMatch(v -> v.contains("DB_PASSWORD"));
    assertThat(check(GOOD.replace("EXPOSE", "COPY keys/validator.keystore /app/\nEXPOSE")))
        .anyMatch(v -> v.contains("looks like a secret"));
    assertThat(check("ARG GITHUB_TOKEN\n" + GOOD)).anyMatch(v -> v.startsWith("ARG"));
  }

  @Test
  void aFatJarWithoutLayersIsRefused() {
    String fat =
        GOOD.replaceAll("COPY --from=layers [^\\n]+\\n", "")
            .replace("USER", "COPY --from=layers /build/service.jar /app/service.jar\nUSER");
    assertThat(check(fat)).anyMatch(v -> v.contains("copies layers []"));
    String reordered =
        GOOD.replace("extracted/dependencies/", "extracted/TMP/")
            .replace("extracted/application/", "extracted/dependencies/")
            .replace("extracted/TMP/", "extracted/application/");
    assertThat(check(reordered)).anyMatch(v -> v.contains("copies layers [application"));
  }

  @Test
  void aFixedHeapOrShellEntrypointOrWrongPortIsRefused() {
    assertThat(check(GOOD.replace("-XX:MaxRAMPercentage=75", "-Xmx1g")))
        .anyMatch(v -> v.contains("MaxRAMPercentage"));
    assertThat(
            check(
                GOOD.replace(
                    "ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]",
                    "ENTRYPOINT java -jar app.jar")))
        .anyMatch(v -> v.startsWith("ENTRYPOINT"));
    assertThat(check(GOOD.replace("EXPOSE 8080", "EXPOSE 9000")))
        .anyMatch(v -> v.startsWith("EXPOSE"));
  }
}
