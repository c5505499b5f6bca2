package org.fedbridge.relayer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import org.fedbridge.relayer.track.Kind;
import org.fedbridge.relayer.track.Transfers;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events ({@code text/event-stream}): a {@code transfer} event with the transfer as it
 * is now when the stream opens (for one transfer), then a {@code stage} event at every change.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
@Tag(name = "events", description = "Live stage changes (server-sent events)")
class StreamController {
  private final StreamHub hub;
  private final Transfers transfers;
  private final TransferPresenter presenter;

  StreamController(StreamHub hub, Transfers transfers, TransferPresenter presenter) {
    this.hub = hub;
    this.transfers = transfers;
    this.presenter = presenter;
  }

  @GetMapping("/deposits/{nonce}/events")
  @Operation(summary = "Stage changes of one deposit")
  SseEmitter deposit(
      @PathVariable
          @Pattern(regexp = TransferController.NONCE, message = "must be a decimal uint256")
          String nonce)
      throws IOException {
    return one(Kind.DEPOSIT, TransferController.nonce(nonce));
  }

  @GetMapping("/withdrawals/{nonce}/events")
  @Operation(summary = "Stage changes of one withdrawal")
  SseEmitter withdrawal(
      @PathVariable
          @Pattern(regexp = TransferController.NONCE, message = "must be a decimal uint256")
          String nonce)
      throws IOException {
    return one(Kind.WITHDRAWAL, TransferController.nonce(nonce));
  }

  @GetMapping("/addresses/{address}/events")
  @Operation(summary = "Stage changes of every transfer an address sends or receives")
  SseEmitter address(
      @PathVariable
          @Pattern(regexp = TransferController.ADDRESS, message = "must be 0x and 40 hex digits")
          String address) {
    String a = address.toLowerCase(Locale.ROOT);
    return hub.subscribe(e -> a.equals(e.sender()) || a.equals(e.recipient()));
  }

  private SseEmitter one(Kind kind, BigInteger nonce) throws IOException {
    // Subscribe first, then send the current state: a change in between is not missed.
    SseEmitter emitter = hub.subscribe(e -> e.kind() == kind && e.nonce().equals(nonce));
    var now = transfers.find(kind, nonce);
    if (now.isPresent()) {
      emitter.send(SseEmitter.event().name("transfer").data(presenter.present(now.get())));
    }
    return emitter;
  }
}
