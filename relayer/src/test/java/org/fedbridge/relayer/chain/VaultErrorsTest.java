package org.fedbridge.relayer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/** Revert data decodes to the vault's named errors, from the vault's own ABI. */
class VaultErrorsTest {
  final VaultErrors errors = VaultErrors.fromClasspath();

  static String revert(String signature, org.web3j.abi.datatypes.Type<?>... args) {
    return VaultErrors.selector(signature) + FunctionEncoder.encodeConstructor(List.of(args));
  }

  @Test
  void theErrorsTheRelayerActsOnAreInTheVaultsAbi() {
    // If the vault renames one of these, the relayer's handling of it would silently stop.
    assertThat(errors.names())
        .contains(
            "AlreadyClaimed",
            "RootAlreadyPosted",
            "WithdrawalDelayed",
            "PeriodLimitExceeded",
            "InsufficientLocked",
            "Paused",
            "EthTransferFailed",
            "InvalidRecipient",
            "UnknownRoot",
            "InvalidSignature");
  }

  @Test
  void customErrorsDecodeWithTheirArguments() {
    assertThat(errors.decode(revert("AlreadyClaimed(uint256)", new Uint256(7))))
        .contains(new VaultError("AlreadyClaimed", List.of("7")));
    VaultError limit =
        errors
            .decode(
                revert(
                    "PeriodLimitExceeded(address,uint256,uint256)",
                    new Address("0x" + "ab".repeat(20)),
                    new Uint256(BigInteger.TEN.pow(20)),
                    new Uint256(5)))
            .orElseThrow();
    assertThat(limit.toString())
        .isEqualTo("PeriodLimitExceeded(0x" + "ab".repeat(20) + ", 100000000000000000000, 5)");
    assertThat(
            errors
                .decode(revert("RootAlreadyPosted(bytes32)", new Bytes32(new byte[32])))
                .orElseThrow()
                .arg(0))
        .isEqualTo("0x" + "00".repeat(32));
    assertThat(errors.decode(VaultErrors.selector("Paused()")))
        .contains(new VaultError("Paused", List.of()));
  }

  @Test
  void solidityStringsPanicsUnknownAndShortDataAreStillValues() {
    String error =
        "0x08c379a0" + FunctionEncoder.encodeConstructor(List.of(new Utf8String("nope")));
    assertThat(errors.decode(error)).contains(new VaultError("Error", List.of("nope")));
    assertThat(errors.decode("0xdeadbeef").orElseThrow().name()).isEqualTo("UnknownError");
    assertThat(
            errors
                .decode(VaultErrors.selector("AlreadyClaimed(uint256)") + "00ff")
                .orElseThrow()
                .name())
        .isEqualTo("UndecodableError");
    assertThat(errors.decode("0x")).isEmpty();
    assertThat(errors.decode(null)).isEmpty();
  }
}
