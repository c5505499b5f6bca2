package org.fedbridge.validator.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.testing.MutableClock;
import org.fedbridge.validator.testing.TestDatabase;
import org.fedbridge.validator.testing.TestFederation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moving a validator to a new machine: the protection is exported as interchange JSON and imported
 * on the new one, which then refuses what the old one would have refused. Importing never loosens
 * protection: a conflicting record refuses the whole file and changes nothing.
 */
class SigningProtectionInterchangeTest {
  private static final TestFederation FEDERATION = TestFederation.create(8, 3, 4);
  private static final ProtectionInterchange.Metadata META =
      new ProtectionInterchange.Metadata(
          31337, Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3"), 1337, "op-1");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private HikariDataSource oldMachine;
  private HikariDataSource newMachine;

  @BeforeEach
  void databases() {
    oldMachine = TestDatabase.fresh("validator_interchange_old").open();
    newMachine = TestDatabase.fresh("validator_interchange_new").open();
  }

  @AfterEach
  void close() {
    oldMachine.close();
    newMachine.close();
  }

  private ProtectedSigner signer(HikariDataSource ds) {
    return new ProtectedSigner(FEDERATION.signer(2, 0), new SigningProtectionStore(ds), clock);
  }

  private SigningProtectionAdmin admin(HikariDataSource ds) {
    return new SigningProtectionAdmin(new SigningProtectionStore(ds), META, 1000, clock);
  }

  private static Bytes32 digest(String s) {
    return Keccak.hash(s.getBytes());
  }

  @Test
  void exportedProtectionRefusesConflictsOnTheNewMachineExploit() throws Exception {
    ProtectedSigner old = signer(oldMachine);
    SigningDecision.Signed signed =
        (SigningDecision.Signed)
            old.sign(MessageType.DEPOSIT_BATCH, UInt256.of(100), 0, digest("d100"));
    old.sign(MessageType.WITHDRAWAL_BATCH, UInt256.of(7), 0, digest("w7"));
    String exported = admin(oldMachine).export();

    JsonNode doc = JSON.readTree(exported);
    assertThat(doc.at("/metadata/interchange_format").asText())
        .isEqualTo("fedbridge.signing-protection");
    assertThat(doc.at("/metadata/vault").asText()).isEqualTo(META.vault().toHex());
    assertThat(doc.get("data")).hasSize(2);

    assertThat(admin(newMachine).importDocument(exported))
        .isEqualTo(new SigningProtectionAdmin.Imported.Applied(2, 0));
    ProtectedSigner moved = signer(newMachine);
    SigningDecision conflicting =
        moved.sign(MessageType.DEPOSIT_BATCH, UInt256.of(100), 0, digest("other"));
    assertThat(conflicting).isInstanceOf(SigningDecision.Refused.class);
    assertThat(((SigningDecision.Refused) conflicting).reason()).isEqualTo(Refusal.EQUIVOCATION);
    SigningDecision.Signed same =
        (SigningDecision.Signed)
            moved.sign(MessageType.DEPOSIT_BATCH, UInt256.of(100), 0, digest("d100"));
    assertThat(same.partial()).isEqualTo(signed.partial());
    assertThat(same.fresh()).isFalse();
    // importing the same file twice adds nothing
    assertThat(admin(newMachine).importDocument(exported))
        .isEqualTo(new SigningProtectionAdmin.Imported.Applied(0, 2));
  }

  @Test
  void importWithAConflictingRecordChangesNothingExploit() throws Exception {
    signer(newMachine).sign(MessageType.DEPOSIT_BATCH, UInt256.of(5), 0, digest("mine"));
    ObjectNode doc = document();
    ArrayNode data = (ArrayNode) doc.get("data");
    data.add(record("DEPOSIT_BATCH", "6", "0", digest("new")));
    data.add(record("DEPOSIT_BATCH", "5", "0", digest("theirs")));

    SigningProtectionAdmin.Imported result = admin(newMachine).importDocument(doc.toString());

    assertThat(result).isInstanceOf(SigningProtectionAdmin.Imported.Refused.class);
    assertThat(((SigningProtectionAdmin.Imported.Refused) result).error())
        .isEqualTo(SigningApiError.CONFLICTING_RECORDS);
    // the non-conflicting record was not added either, and the existing one is untouched
    assertThat(rows(newMachine)).isEqualTo(1);
    assertThat(signer(newMachine).sign(MessageType.DEPOSIT_BATCH, UInt256.of(6), 0, digest("x")))
        .isInstanceOf(SigningDecision.Signed.class);
  }

  @Test
  void importedRecordWithoutPartialStillBlocksOtherDigestsExploit() throws Exception {
    ObjectNode doc = document();
    ((ArrayNode) doc.get("data")).add(record("EPOCH_CHANGE", "1", "0", digest("epoch1")));
    assertThat(admin(newMachine).importDocument(doc.toString()))
        .isEqualTo(new SigningProtectionAdmin.Imported.Applied(1, 0));

    ProtectedSigner signer = signer(newMachine);
    assertThat(signer.sign(MessageType.EPOCH_CHANGE, UInt256.ONE, 0, digest("other")))
        .isInstanceOf(SigningDecision.Refused.class);
    SigningDecision same = signer.sign(MessageType.EPOCH_CHANGE, UInt256.ONE, 0, digest("epoch1"));
    assertThat(same).isInstanceOf(SigningDecision.Signed.class);
    assertThat(new SigningProtectionStore(newMachine).after(-1, 10)).hasSize(1);
  }

  @Test
  void fileOfAnotherDeploymentOrMalformedIsRefusedAndChangesNothing() throws Exception {
    ObjectNode foreign = document();
    ((ObjectNode) foreign.get("metadata")).put("vault", "0x" + "11".repeat(20));
    ((ArrayNode) foreign.get("data")).add(record("DEPOSIT_BATCH", "1", "0", digest("a")));
    assertRefused(foreign.toString(), SigningApiError.OTHER_DEPLOYMENT);

    ObjectNode otherOperator = document();
    ((ObjectNode) otherOperator.get("metadata")).put("operator_id", "op-2");
    assertRefused(otherOperator.toString(), SigningApiError.OTHER_DEPLOYMENT);

    assertRefused("not json", SigningApiError.MALFORMED_INTERCHANGE);
    assertRefused(null, SigningApiError.MALFORMED_INTERCHANGE);
    assertRefused("{\"metadata\":{}}", SigningApiError.MALFORMED_INTERCHANGE);
    for (ObjectNode bad :
        new ObjectNode[] {
          record("NO_SUCH_TYPE", "1", "0", digest("a")),
          record("DEPOSIT_BATCH", "-1", "0", digest("a")),
          record("DEPOSIT_BATCH", "01", "0", digest("a")),
          record("DEPOSIT_BATCH", "1", "99999999999999999999", digest("a")),
          record("DEPOSIT_BATCH", "1", "0", digest("a")).put("digest", "0x1234"),
          record("DEPOSIT_BATCH", "1", "0", digest("a")).put("member_index", 1),
          record("DEPOSIT_BATCH", "1", "0", digest("a"))
              .put("member_index", 1)
              .put("partial_signature", "0x" + "00".repeat(48)),
          record("DEPOSIT_BATCH", "1", "0", digest("a")).put("extra", true)
        }) {
      ObjectNode doc = document();
      ((ArrayNode) doc.get("data")).add(record("DEPOSIT_BATCH", "2", "0", digest("ok")));
      ((ArrayNode) doc.get("data")).add(bad);
      assertRefused(doc.toString(), SigningApiError.MALFORMED_INTERCHANGE);
    }
    ObjectNode twoDigests = document();
    ((ArrayNode) twoDigests.get("data")).add(record("DEPOSIT_BATCH", "3", "0", digest("a")));
    ((ArrayNode) twoDigests.get("data")).add(record("DEPOSIT_BATCH", "3", "0", digest("b")));
    assertRefused(twoDigests.toString(), SigningApiError.CONFLICTING_RECORDS);

    ObjectNode tooMany = document();
    for (int i = 0; i < 1001; i++) {
      ((ArrayNode) tooMany.get("data")).add(record("DEPOSIT_BATCH", "" + i, "0", digest("a")));
    }
    assertRefused(tooMany.toString(), SigningApiError.TOO_MANY_RECORDS);
    assertThat(rows(newMachine)).isZero();
  }

  private void assertRefused(String body, SigningApiError error) {
    SigningProtectionAdmin.Imported r = admin(newMachine).importDocument(body);
    assertThat(r)
        .as(body == null ? "null" : body.substring(0, Math.min(body.length(), 300)))
        .isInstanceOf(SigningProtectionAdmin.Imported.Refused.class);
    assertThat(((SigningProtectionAdmin.Imported.Refused) r).error()).isEqualTo(error);
  }

  private static ObjectNode document() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode m = root.putObject("metadata");
    m.put("interchange_format", "fedbridge.signing-protection");
    m.put("interchange_format_version", "1");
    m.put("l1_chain_id", "31337");
    m.put("vault", META.vault().toHex());
    m.put("sidechain_id", "1337");
    m.put("operator_id", "op-1");
    root.putArray("data");
    return root;
  }

  private static ObjectNode record(String type, String batch, String epoch, Bytes32 digest) {
    ObjectNode o = JSON.createObjectNode();
    o.put("message_type", type);
    o.put("batch_id", batch);
    o.put("epoch", epoch);
    o.put("digest", digest.toHex());
    return o;
  }

  private static int rows(HikariDataSource ds) {
    Integer n =
        new JdbcTemplate(ds)
            .queryForObject("SELECT count(*) FROM signing_protection", Integer.class);
    return n == null ? 0 : n;
  }
}
