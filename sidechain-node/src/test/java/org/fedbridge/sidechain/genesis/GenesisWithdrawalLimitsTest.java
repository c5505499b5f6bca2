package org.fedbridge.sidechain.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optional per-token {@code maxWithdrawal} of the genesis file. */
class GenesisWithdrawalLimitsTest {
  static final String BASE =
      TestGenesis.json(
          1337,
          TestFederation.epoch0(),
          Map.of(Address.fromHex("0x00000000000000000000000000000000000000a1"), BigInteger.ONE),
          "0");
  static final String TOKEN_ENTRY = "\"decimals\": 18 }";

  static String withTokenMax(String max) {
    return BASE.replace(TOKEN_ENTRY, "\"decimals\": 18, \"maxWithdrawal\": " + max + " }");
  }

  static String withEthMax(String max) {
    return BASE.replace(
        TOKEN_ENTRY + " ]",
        TOKEN_ENTRY
            + ", { \"l1Token\": \"0x0000000000000000000000000000000000000000\","
            + " \"maxWithdrawal\": "
            + max
            + " } ]");
  }

  @Test
  void maximaAreReadForTokensAndForEth() {
    Genesis g = GenesisFile.parse(withEthMax("\"0x3e8\""));
    assertThat(g.ethMaxWithdrawal()).contains(UInt256.of(1000));
    assertThat(g.tokens()).hasSize(1);
    assertThat(g.tokens().get(0).maxWithdrawal()).isEmpty();
    Genesis t = GenesisFile.parse(withTokenMax("\"1000000\""));
    assertThat(t.tokens().get(0).maxWithdrawal()).contains(UInt256.of(1_000_000));
    assertThat(t.ethMaxWithdrawal()).isEmpty();
    // 2^96 - 1 is the largest the vault could pay
    String largest = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.ONE).toString();
    assertThat(
            GenesisFile.parse(withTokenMax("\"" + largest + "\"")).tokens().get(0).maxWithdrawal())
        .contains(new UInt256(new BigInteger(largest)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\"0\"", "0", "\"-5\"", "\"ten\"", "true", "\"79228162514264337593543950336\""})
  void aMaximumThatIsNotPositiveOrNotBelowTwoToThe96IsRefusedNamingTheField(String max) {
    assertThatThrownBy(() -> GenesisFile.parse(withTokenMax(max)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokens[].maxWithdrawal");
    assertThatThrownBy(() -> GenesisFile.parse(withEthMax(max)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokens[].maxWithdrawal");
  }

  @Test
  void configuredMaximaAreBoundIntoBlockZeroAndAbsentOnesChangeNothing() {
    var plain = Ledger.genesisBlock(GenesisFile.parse(BASE)).block().hash();
    var token = Ledger.genesisBlock(GenesisFile.parse(withTokenMax("\"1000\""))).block().hash();
    var eth = Ledger.genesisBlock(GenesisFile.parse(withEthMax("\"1000\""))).block().hash();
    var eth2 = Ledger.genesisBlock(GenesisFile.parse(withEthMax("\"1001\""))).block().hash();
    assertThat(List.of(plain, token, eth, eth2)).doesNotHaveDuplicates();
    assertThat(Ledger.genesisBlock(GenesisFile.parse(BASE)).block().hash()).isEqualTo(plain);
  }
}
