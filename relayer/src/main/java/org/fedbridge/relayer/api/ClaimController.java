package org.fedbridge.relayer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.message.Withdrawal;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.relayer.chain.VaultClient;
import org.fedbridge.relayer.track.ClaimProof;
import org.fedbridge.relayer.track.Stage;
import org.fedbridge.relayer.track.Transfers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What anyone needs to claim a withdrawal without the relayer: the certificate, the Merkle proof
 * and ready-to-send calldata for the vault ({@code postWithdrawalRoot} first if the root is not on
 * L1 yet, then {@code claim}). The vault checks all of it; the relayer is not trusted for it.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "self-claim", description = "Claim a withdrawal on L1 from any wallet")
class ClaimController {
  private final Transfers transfers;
  private final VaultClient vault;

  ClaimController(Transfers transfers, VaultClient vault) {
    this.transfers = transfers;
    this.vault = vault;
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
      String vault,
      @Schema(description = "postWithdrawalRoot call; null once the root is on L1") Call postRoot,
      @Schema(description = "claim call; pays the recipient, whoever sends it") Call claim) {}

  @GetMapping("/withdrawals/{nonce}/claim")
  @Operation(
      summary = "Certificate, Merkle proof and calldata to claim a withdrawal yourself",
      description =
          "404 if the withdrawal is unknown, 409 while it is not certified yet. Send postRoot"
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
        vault.address(),
        p.rootPosted()
            ? null
            : new Call(
                vault.address(),
                vault.postRootCalldata(p.batchId(), p.root(), p.leafCount(), signature)),
        new Call(vault.address(), vault.claimCalldata(claim)));
  }
}
