package org.fedbridge.validator.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.fedbridge.core.types.Hex;
import org.fedbridge.validator.dkg.ConfirmedFederation;

/**
 * Answers {@code bridge_epoch} with a chosen federation, in the sidechain's exact response format
 * (sidechain-node's golden {@code bridge_epoch.json}). A stand-in because a validator test cannot
 * depend on sidechain code; the devnet test has the validators read the real sidechain.
 */
final class SidechainEpochStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private volatile String result = "null";

  SidechainEpochStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** From now on the sidechain's current epoch is {@code f}. */
  void activate(ConfirmedFederation f) {
    ObjectNode r = JSON.createObjectNode();
    r.put("number", f.epoch());
    r.put("groupPublicKey", Hex.encode(f.groupKey().toCompressed()));
    r.put("threshold", f.threshold());
    r.put("membersHash", f.memberSet().orThrow().membersHash().toHex());
    ArrayNode ms = r.putArray("members");
    for (var m : f.members()) {
      ms.addObject()
          .put("index", m.index())
          .put("operatorId", m.operatorId())
          .put("sharePublicKey", Hex.encode(m.sharePublicKey().toCompressed()));
    }
    result = r.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
