package org.fedbridge.relayer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.relayer.RelayerProperties;
import org.fedbridge.relayer.track.Kind;
import org.fedbridge.relayer.track.TransferView;
import org.fedbridge.relayer.track.Transfers;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where a transfer is: by nonce, by transaction hash on either chain, or by address. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "transfers", description = "Where a deposit or withdrawal is, and why")
class TransferController {
  static final String HASH = "0x[0-9a-fA-F]{64}";
  static final String ADDRESS = "0x[0-9a-fA-F]{40}";
  static final String NONCE = "0|[1-9][0-9]{0,77}";

  private final Transfers transfers;
  private final TransferPresenter presenter;
  private final int maxPageSize;

  TransferController(
      Transfers transfers, TransferPresenter presenter, RelayerProperties properties) {
    this.transfers = transfers;
    this.presenter = presenter;
    this.maxPageSize = properties.api().maxPageSize();
  }

  /** A page of an address's transfers. */
  record TransferPage(List<TransferResponse> items, int page, int size, long total) {}

  @GetMapping("/deposits/{nonce}")
  @Operation(summary = "A deposit by its L1 deposit nonce")
  TransferResponse deposit(
      @PathVariable @Pattern(regexp = NONCE, message = "must be a decimal uint256") String nonce) {
    return one(Kind.DEPOSIT, nonce);
  }

  @GetMapping("/withdrawals/{nonce}")
  @Operation(summary = "A withdrawal by its sidechain withdrawal nonce")
  TransferResponse withdrawal(
      @PathVariable @Pattern(regexp = NONCE, message = "must be a decimal uint256") String nonce) {
    return one(Kind.WITHDRAWAL, nonce);
  }

  @GetMapping("/transfers/tx/{hash}")
  @Operation(
      summary = "Transfers of a transaction on either chain",
      description =
          "An L1 deposit, a sidechain burn or mint, or an L1 claim (one claimMany pays several).")
  List<TransferResponse> byTransaction(
      @PathVariable @Pattern(regexp = HASH, message = "must be 0x and 64 hex digits") String hash) {
    List<TransferView> found = transfers.byTransaction(hash);
    if (found.isEmpty()) {
      throw new ApiException(ApiError.NOT_FOUND, "no transfer with transaction " + hash);
    }
    return found.stream().map(presenter::present).toList();
  }

  @GetMapping("/addresses/{address}/transfers")
  @Operation(summary = "An address's transfers on both chains, newest first")
  TransferPage byAddress(
      @PathVariable @Pattern(regexp = ADDRESS, message = "must be 0x and 40 hex digits")
          String address,
      @Parameter(description = "Page number, from 0")
          @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be 0 or more")
          @Max(value = 100_000, message = "must be at most 100000")
          int page,
      @Parameter(description = "Page size")
          @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be at least 1")
          int size) {
    if (size > maxPageSize) {
      throw new ApiException(ApiError.INVALID_PAGE, "size: must be at most " + maxPageSize);
    }
    Page<TransferView> rows = transfers.byAddress(address, page, size);
    return new TransferPage(
        rows.getContent().stream().map(presenter::present).toList(),
        page,
        size,
        rows.getTotalElements());
  }

  private TransferResponse one(Kind kind, String nonce) {
    BigInteger n = nonce(nonce);
    return transfers
        .find(kind, n)
        .map(presenter::present)
        .orElseThrow(
            () ->
                new ApiException(
                    ApiError.NOT_FOUND,
                    "no " + kind.name().toLowerCase() + " with nonce " + nonce + " (yet)"));
  }

  static BigInteger nonce(String nonce) {
    Result<UInt256> n = UInt256.decode(nonce);
    if (!n.isOk()) {
      throw new ApiException(ApiError.INVALID_NONCE, "nonce: must be at most 2^256 - 1");
    }
    return n.orThrow().value();
  }
}
