package org.fedbridge.relayer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.relayer.chain.VaultClient;
import org.fedbridge.relayer.track.ClaimProof;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.track.TransferView;
import org.fedbridge.relayer.track.Transfers;
import org.fedbridge.relayer.vault.VaultMonitor;
import org.fedbridge.relayer.vault.VaultSnapshot;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What anyone needs to claim a withdrawal without the relayer: the certificate, the Merkle proof
 * and ready-to-send calldata for the vault ({@code postWithdrawalRoot} first if the root is not on
 * L1 yet, then {@code claim}); and what an owner needs to pull a payout that failed ({@code
 * withdrawOwed}). The vault checks all of it; the relayer is not trusted for it.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "self-claim", description = "Claim a withdrawal on L1 from any wallet")
class ClaimController {
  private final Transfers transfers;
  private final VaultClient vault;
  private final VaultMonitor monitor;

  ClaimController(Transfers transfers, VaultClient vault, VaultMonitor monitor) {
    this.transfers = transfers;
    this.vault = vault;
    this.monitor = monitor;
  }

  @Schema(description = "A transaction to send to the vault, e.g. with `cast send <to> <data>`")
  record Call(String to, String data) {}

  record WithdrawalData(
      String nonce, String token, String sender, String recipient, String amount) {}

  record Certificate(
      long epoch,
      long batchId,
      String root,
      int size,
      @Schema(description = "group signature, 48-byte compressed G1") String signature,
      @Schema(description = "the same signature as the vault reads it (128-byte EIP-2537 G1)")
          String signatureEip2537) {}

  record Proof(String root, int index, List<String> siblings) {}

  record ClaimResponse(
      WithdrawalData withdrawal,
      Stage stage,
      Certificate certificate,
      Proof proof,
      boolean rootPosted,
      @Schema(
              description =
                  "When the vault pays it from: the end of its root's challenge window, later for a"
                      + " withdrawal above its token's delay threshold (null until the root is"
                      + " posted; a claim sent earlier reverts)")
          java.time.Instant claimableAt,
      String vault,
      @Schema(description = "postWithdrawalRoot call; null once the root is on L1") Call postRoot,
      @Schema(description = "claim call; pays the recipient, whoever sends it") Call claim) {}

  @Schema(description = "The call that pulls a debt: send `data` to `to` from `from`")
  record Pull(
      @Schema(description = "The owner: the vault pays only what it owes the sender") String from,
      String to,
      String data,
      @Schema(description = "Where the vault sends the money") String payTo) {}

  record Debt(
      String token,
      String symbol,
      @Schema(description = "What the vault owes, in the token's smallest unit") String amount,
      @Schema(description = "The withdrawals whose payout failed (nonces)")
          List<String> withdrawals,
      Pull pull) {}

  record OwedResponse(String owner, String vault, List<Debt> debts, String how) {}

  @GetMapping("/addresses/{address}/owed")
  @Operation(
      summary = "What the vault owes an address (payouts that failed) and how to pull it",
      description =
          "A payout the recipient refused (a contract that reverts on receiving, a token that"
              + " blocks it) is not lost: the vault records it as owed. The owner pulls it with"
              + " withdrawOwed(token, to) sent from its own address; `to` is where the money goes"
              + " (query parameter, default the owner).")
  OwedResponse owed(
      @PathVariable
          @Pattern(regexp = TransferController.ADDRESS, message = "must be 0x and 40 hex digits")
          String address,
      @RequestParam(required = false)
          @Pattern(regexp = TransferController.ADDRESS, message = "must be 0x and 40 hex digits")
          String to) {
    String owner = address.toLowerCase(Locale.ROOT);
    String payTo = to == null ? owner : to.toLowerCase(Locale.ROOT);
    if (payTo.equals(VaultSnapshot.ETH) || payTo.equalsIgnoreCase(vault.address())) {
      throw new ApiException(
          ApiError.INVALID_ADDRESS, "to: the vault pays neither the zero address nor itself");
    }
    VaultSnapshot snapshot =
        monitor
            .snapshot()
            .orElseThrow(
                () ->
                    new ApiException(
                        ApiError.UNAVAILABLE, "the relayer has not read the vault yet"));
    Map<String, List<String>> tracked = new HashMap<>();
    for (TransferView t : transfers.debtsOf(owner)) {
      tracked.computeIfAbsent(t.l1Token(), k -> new ArrayList<>()).add(t.nonce().toString());
    }
    List<Debt> debts = new ArrayList<>();
    for (VaultSnapshot.TokenState token : snapshot.tokenList()) {
      BigInteger amount;
      try {
        amount = vault.owed(owner, token.l1Token());
      } catch (IOException e) {
        throw new ApiException(ApiError.UNAVAILABLE, "the vault cannot be read now");
      }
      if (amount.signum() > 0) {
        debts.add(
            new Debt(
                token.l1Token(),
                token.symbol(),
                amount.toString(),
                tracked.getOrDefault(token.l1Token(), List.of()),
                new Pull(
                    owner,
                    vault.address(),
                    vault.withdrawOwedCalldata(token.l1Token(), payTo),
                    payTo)));
      }
    }
    return new OwedResponse(
        owner,
        vault.address(),
        debts,
        "Send each pull's data to the vault from the owner's address (a contract makes the call"
            + " itself): the vault pays everything it owes the owner in that token to payTo, with"
            + " all the gas the call is given. Nothing else can move it.");
  }

  /**
   * The vault's rule: {@code postedAt + max(challengePeriod, delaySeconds)} above the threshold.
   */
  private java.time.Instant claimableAt(ClaimProof p) {
    if (!p.rootPosted() || p.rootClaimableAt() == null) {
      return null;
    }
    java.time.Instant at = p.rootClaimableAt();
    var limits =
        monitor
            .snapshot()
            .flatMap(s -> s.token(p.withdrawal().l1Token().toHex()))
            .map(VaultSnapshot.TokenState::limits);
    if (limits.isPresent()
        && p.withdrawal().amount().value().compareTo(limits.get().delayThreshold()) > 0) {
      java.time.Instant delayed = p.rootPostedAt().plusSeconds(limits.get().delaySeconds());
      at = delayed.isAfter(at) ? delayed : at;
    }
    return at;
  }

  @GetMapping("/withdrawals/{nonce}/claim")
  @Operation(
      summary = "Certificate, Merkle proof and calldata to claim a withdrawal yourself",
      description =
          "404 if the withdrawal is unknown, 409 while it is not certified yet or once its root"
              + " was revoked. Send postRoot"
              + " (when not null) and then claim to the vault from any account; the vault pays"
              + " the recipient and refuses anything the federation did not certify.")
  ClaimResponse claim(
      @PathVariable
          @Pattern(regexp = TransferController.NONCE, message = "must be a decimal uint256")
          String nonce) {
    var n = TransferController.nonce(nonce);
    if (transfers.find(org.fedbridge.relayer.track.Kind.WITHDRAWAL, n).isEmpty()) {
      throw new ApiException(ApiError.NOT_FOUND, "no withdrawal with nonce " + nonce + " (yet)");
    }
    ClaimProof p =
        transfers
            .claimProof(n)
            .orElseThrow(
                () ->
                    new ApiException(
                        ApiError.NOT_CLAIMABLE,
                        "withdrawal " + nonce + " is not certified yet: no proof to claim with"));
    if (p.stage() == Stage.REVOKED) {
      // SECURITY: the vault never pays from a revoked root; calldata for it would only waste gas.
      throw new ApiException(
          ApiError.NOT_CLAIMABLE,
          "withdrawal " + nonce + "'s root was revoked on L1: the vault pays nothing from it");
    }
    Withdrawal w = p.withdrawal();
    Signature signature = Signature.fromCompressed(p.signature()).orThrow();
    VaultClient.Claim claim = new VaultClient.Claim(w, p.root(), p.index(), p.siblings());
    return new ClaimResponse(
        new WithdrawalData(
            w.nonce().toString(),
            w.l1Token().toHex(),
            w.sender().toHex(),
            w.l1Recipient().toHex(),
            w.amount().toString()),
        p.stage(),
        new Certificate(
            p.certificateEpoch(),
            p.batchId(),
            p.root().toHex(),
            p.leafCount(),
            Hex.encode(p.signature()),
            Hex.encode(signature.toEip2537())),
        new Proof(p.root().toHex(), p.index(), p.siblings().stream().map(Bytes32::toHex).toList()),
        p.rootPosted(),
        claimableAt(p),
        vault.address(),
        p.rootPosted()
            ? null
            : new Call(
                vault.address(),
                vault.postRootCalldata(p.batchId(), p.root(), p.leafCount(), signature)),
        new Call(vault.address(), vault.claimCalldata(claim)));
  }
}
