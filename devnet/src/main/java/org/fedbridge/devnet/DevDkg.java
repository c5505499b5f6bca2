package org.fedbridge.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.threshold.MemberSet;
import org.fedbridge.core.threshold.ThresholdPolicy;
import org.fedbridge.core.types.Hex;

/**
 * Epoch 0 by DKG: writes the federation spec, runs {@code bridge-validator dkg} for every validator
 * at once over the devnet's Kafka (each in its own database schema, with its own keystore), and
 * reads the federation they confirmed. No one, the devnet included, ever holds the group secret.
 */
final class DevDkg {
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** The confirmed federation of epoch 0. */
  record Federation(
      String sessionId,
      PublicKey groupKey,
      ThresholdPolicy policy,
      List<Member> members,
      Map<Integer, String> identities,
      Path transcript) {
    MemberSet memberSet() {
      return MemberSet.of(members, policy.threshold()).orThrow();
    }

    /** devnet.json's {@code federation}: epoch 0 and its members at their validators' URLs. */
    void describe(ObjectNode node, Path spec, List<String> urls) {
      node.put("epoch", 0);
      node.put("groupPublicKey", Hex.encode(groupKey.toCompressed()));
      node.put("threshold", policy.threshold());
      node.put("membersHash", memberSet().membersHash().toHex());
      node.put("dkgSessionId", sessionId);
      node.put("spec", spec.toString());
      node.put("transcript", transcript.toString());
      ArrayNode memberNodes = node.putArray("members");
      ArrayNode validatorNodes = node.putArray("validators");
      for (int k = 0; k < urls.size(); k++) {
        Member m = members.get(k);
        memberNodes
            .addObject()
            .put("index", m.index())
            .put("operatorId", m.operatorId())
            .put("identityPublicKey", identities.get(m.index()))
            .put("sharePublicKey", Hex.encode(m.sharePk().toCompressed()))
            .put("url", urls.get(k));
        validatorNodes.addObject().put("operatorId", m.operatorId()).put("url", urls.get(k));
      }
    }
  }

  private DevDkg() {}

  /** {@code federation.json}: the spec all validators run the DKG of. */
  static Path writeSpec(Path dir, long l1ChainId, long sidechainId, List<DevKeys.Validator> vs) {
    ObjectNode spec = Http.JSON.createObjectNode();
    spec.put("version", 1);
    spec.put("l1ChainId", l1ChainId);
    spec.put("sidechainId", sidechainId);
    spec.put("vault", "0x0000000000000000000000000000000000000000"); // deployed after the DKG
    spec.put("epoch", 0);
    spec.put("attempt", 0);
    spec.put("threshold", ThresholdPolicy.defaultFor(vs.size()).threshold());
    ArrayNode members = spec.putArray("members");
    for (DevKeys.Validator v : vs) {
      members
          .addObject()
          .put("index", v.index())
          .put("operatorId", v.operatorId())
          .put("identityPublicKey", v.identityPublicKey());
    }
    Path file = dir.resolve("federation.json");
    try {
      Http.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), spec);
    } catch (IOException e) {
      throw new DevnetException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * Runs every validator's {@code dkg} command at once and returns the federation they agree on.
   */
  static Federation run(
      Path root,
      Path dir,
      Path spec,
      List<DevKeys.Validator> vs,
      List<String> database,
      String bootstrap,
      Path logs,
      java.util.function.Consumer<ChildProcess> started,
      java.util.function.Consumer<ChildProcess> finished) {
    Path out = dir.resolve("dkg");
    List<ChildProcess> runs = new ArrayList<>();
    try {
      Files.createDirectories(out);
      for (DevKeys.Validator v : vs) {
        List<String> command = new ArrayList<>();
        command.add(Jvm.java());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
        command.add("-jar");
        command.add(Service.jar(root, "bridge-validator").toString());
        command.add("dkg");
        command.add("--spec=" + spec);
        command.add("--result-out=" + out.resolve("validator-" + v.index() + ".json"));
        if (v.index() == 1) {
          command.add("--transcript-out=" + out.resolve("transcript.json"));
        }
        command.addAll(database);
        command.addAll(Service.schema("validator_" + v.index()));
        command.add("--bridge.validator.operator-id=" + v.operatorId());
        command.add("--bridge.validator.kafka.bootstrap-servers=" + bootstrap);
        command.addAll(DevKeys.settings(dir, v));
        ChildProcess run =
            ChildProcess.start(
                "dkg-" + v.index(),
                command,
                dir,
                logs.resolve("dkg-validator-" + v.index() + ".log"));
        runs.add(run);
        started.accept(run); // stopped with everything else if the devnet is stopped now
      }
      for (ChildProcess run : runs) {
        int status = run.waitFor(TIMEOUT);
        if (status != 0) {
          throw new DevnetException(
              "the DKG of " + run.name() + " ended with status " + status + "; see " + run.log());
        }
      }
    } catch (IOException e) {
      throw new DevnetException("cannot run the DKG: " + e.getMessage(), e);
    } finally {
      runs.forEach(ChildProcess::close);
      runs.forEach(finished);
    }
    return read(out, vs);
  }

  /** Reads every validator's result; they must all name the same federation. */
  static Federation read(Path out, List<DevKeys.Validator> vs) {
    try {
      JsonNode first = Http.JSON.readTree(out.resolve("validator-1.json").toFile());
      for (DevKeys.Validator v : vs) {
        JsonNode r = Http.JSON.readTree(out.resolve("validator-" + v.index() + ".json").toFile());
        if (!r.get("groupPublicKey").equals(first.get("groupPublicKey"))
            || !r.get("membersHash").equals(first.get("membersHash"))
            || !r.get("withShare").asBoolean()) {
          throw new DevnetException("validators disagree on the DKG's outcome; see " + out);
        }
      }
      List<Member> members = new ArrayList<>();
      Map<Integer, String> identities = new TreeMap<>();
      for (JsonNode m : first.get("members")) {
        int index = m.get("index").asInt();
        members.add(
            new Member(
                index,
                m.get("operatorId").asText(),
                PublicKey.fromCompressed(Hex.decode(m.get("sharePublicKey").asText())).orThrow()));
        identities.put(index, m.get("identityPublicKey").asText());
      }
      PublicKey groupKey =
          PublicKey.fromCompressed(Hex.decode(first.get("groupPublicKey").asText())).orThrow();
      ThresholdPolicy policy =
          ThresholdPolicy.of(first.get("threshold").asInt(), members.size()).orThrow();
      return new Federation(
          first.get("sessionId").asText(),
          groupKey,
          policy,
          members,
          identities,
          out.resolve("transcript.json"));
    } catch (IOException e) {
      throw new DevnetException("cannot read the DKG results in " + out + ": " + e.getMessage(), e);
    }
  }
}
