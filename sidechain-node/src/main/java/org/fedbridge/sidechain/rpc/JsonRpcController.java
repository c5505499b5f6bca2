package org.fedbridge.sidechain.rpc;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ethereum JSON-RPC over HTTP at {@code POST /}. The body is read as bytes so that malformed JSON
 * or an unexpected content type is a JSON-RPC parse error with status 200, never a 4xx/5xx from the
 * web layer.
 */
@RestController
class JsonRpcController {
  private final JsonRpcDispatcher dispatcher;

  JsonRpcController(JsonRpcDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @PostMapping(
      path = "/",
      consumes = MediaType.ALL_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> rpc(@RequestBody(required = false) byte[] body) {
    byte[] answer = dispatcher.handle(body == null ? new byte[0] : body);
    if (answer == null) {
      return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
  }
}
