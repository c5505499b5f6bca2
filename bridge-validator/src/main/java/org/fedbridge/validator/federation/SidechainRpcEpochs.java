package org.fedbridge.validator.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;

/** Reads the sidechain's current federation with the {@code bridge_epoch} JSON-RPC method. */
final class SidechainRpcEpochs implements ChainEpochs.Sidechain {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REQUEST =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"bridge_epoch\",\"params\":[]}";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI rpc;

  SidechainRpcEpochs(URI rpc) {
    this.rpc = rpc;
  }

  @Override
  public ChainEpochs.SidechainEpoch current() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(rpc)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || body.has("error") || !body.path("result").isObject()) {
      throw new IllegalStateException(
          "bridge_epoch at "
              + rpc
              + " failed: HTTP "
              + response.statusCode()
              + " "
              + body.path("error"));
    }
    JsonNode r = body.get("result");
    List<Member> members = new ArrayList<>();
    for (JsonNode m : r.path("members")) {
      members.add(
          new Member(
              m.path("index").asInt(),
              m.path("operatorId").asText(),
              PublicKey.fromCompressed(Hex.decode(m.path("sharePublicKey").asText())).orThrow()));
    }
    return new ChainEpochs.SidechainEpoch(
        r.path("number").asLong(),
        PublicKey.fromCompressed(Hex.decode(r.path("groupPublicKey").asText())).orThrow(),
        r.path("threshold").asInt(),
        Bytes32.fromHex(r.path("membersHash").asText()),
        members);
  }
}
