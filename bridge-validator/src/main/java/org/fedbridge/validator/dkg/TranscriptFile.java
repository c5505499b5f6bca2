package org.fedbridge.validator.dkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;

/**
 * An exported DKG transcript: the federation spec, the session id, and every record that counted,
 * in log order, exactly as they were on the topic (hex). Anyone can re-run it with {@code
 * bridge-validator dkg verify <file>}.
 */
record TranscriptFile(FederationSpec spec, Bytes32 sessionId, List<byte[]> records) {
  static final int MAX_BYTES = 256 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  String toJson() {
    try {
      ObjectNode root = JSON.createObjectNode();
      root.put("version", 1);
      root.put("sessionId", sessionId.toHex());
      root.set("spec", JSON.readTree(spec.json()));
      ArrayNode rs = root.putArray("records");
      records.forEach(r -> rs.add(Hex.encode(r)));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Result<TranscriptFile> read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Result.err(Rejection.MALFORMED, file + " is too large for a transcript");
      }
      JsonNode root = JSON.readTree(Files.readString(file));
      if (root == null || root.path("version").asInt() != 1) {
        return Result.err(Rejection.MALFORMED, "not a version-1 DKG transcript");
      }
      Result<FederationSpec> spec = FederationSpec.parse(root.path("spec").toString());
      if (!spec.isOk()) {
        return spec.map(s -> null);
      }
      Result<Bytes32> session = Bytes32.decode(root.path("sessionId").asText());
      if (!session.isOk()) {
        return Result.err(Rejection.MALFORMED, "transcript sessionId is not 32 bytes of hex");
      }
      List<byte[]> records = new ArrayList<>();
      int i = 0;
      for (JsonNode r : root.path("records")) {
        String hex = r.asText("");
        try {
          if (!hex.startsWith("0x")) {
            throw new IllegalArgumentException("no 0x");
          }
          records.add(Hex.decode(hex));
        } catch (IllegalArgumentException e) {
          return Result.err(Rejection.MALFORMED, "transcript record " + i + " is not 0x hex");
        }
        i++;
      }
      return Result.ok(new TranscriptFile(spec.orThrow(), session.orThrow(), records));
    } catch (IOException e) {
      return Result.err(Rejection.MALFORMED, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
