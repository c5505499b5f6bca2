package org.fedbridge.relayer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.fedbridge.relayer.track.Kind;
import org.fedbridge.relayer.track.Stage;

/** A transfer: where it is, why, since when, what comes next, and its transactions. */
@Schema(description = "A deposit or withdrawal and where it is")
public record TransferResponse(
    Kind kind,
    @Schema(description = "Deposit or withdrawal nonce, decimal") String nonce,
    Token token,
    String sender,
    String recipient,
    @Schema(description = "Amount in the token's smallest unit, decimal") String amount,
    Stage stage,
    @Schema(description = "Why it is at this stage and what it waits for, in words") String reason,
    @Schema(description = "When a hold ends, if known") Instant until,
    Progress progress,
    @Schema(description = "Every stage reached, oldest first") List<StageEntry> stages,
    @Schema(description = "Its transactions on both chains") List<Tx> transactions,
    Batch batch,
    @Schema(description = "Estimate of when the next stage is due (null when final)")
        Instant nextStageDueAt,
    Links links) {

  /** A token on both chains. */
  public record Token(String symbol, Integer decimals, String l1, String sidechain) {}

  /** Counts toward the next stage. */
  public record Progress(
      @Schema(description = "L1 confirmations of a deposit so far") Integer confirmations,
      @Schema(description = "L1 confirmations the bridge waits for") Integer confirmationsRequired,
      @Schema(description = "Valid partial signatures seen") Integer signatures,
      @Schema(description = "Signatures needed for a certificate") Integer threshold) {}

  public record StageEntry(Stage stage, String detail, Instant at) {}

  /** A transaction: on which chain, what it did. */
  public record Tx(
      @Schema(allowableValues = {"l1", "sidechain"}) String chain,
      @Schema(allowableValues = {"deposit", "mint", "burn", "postRoot", "claim"}) String role,
      String hash) {}

  /** The batch the transfer was signed in. */
  public record Batch(
      long id,
      String root,
      Integer size,
      Long certificateEpoch,
      Instant certifiedAt,
      Instant rootPostedAt,
      Instant revokedAt,
      String problem) {}

  public record Links(
      String self,
      String events,
      String claim,
      @Schema(description = "For a withdrawal the vault owes its recipient: how to pull it")
          String owed) {}
}
