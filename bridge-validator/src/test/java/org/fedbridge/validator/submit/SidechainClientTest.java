package org.fedbridge.validator.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.DepositBatch;
import org.fedbridge.core.message.MessageType;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.consensus.BatchKey;
import org.fedbridge.validator.consensus.CertificateContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the sidechain's answers are read: which are final (accepted, refused) and which mean "try
 * again". The endpoint answers the way sidechain-node's JSON-RPC does (sidechain-node/README.md,
 * its JsonRpcError wording); the real node is exercised by the devnet's end-to-end tests.
 */
class SidechainClientTest {
  private final AtomicReference<Object[]> answer = new AtomicReference<>();
  private final HttpServer server = server();

  private HttpServer server() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            Object[] a = answer.get();
            byte[] body = ((String) a[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) a[0], body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
              exchange.getResponseBody().write(body);
            }
            exchange.close();
          });
      s.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private SidechainClient.Answer submit(int status, String body) {
    answer.set(new Object[] {status, body});
    SidechainClient client =
        new SidechainClient(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
            Duration.ofSeconds(5));
    return client.submitDeposits(certificate());
  }

  private static CertificateContent certificate() {
    List<Deposit> ds =
        List.of(new Deposit(UInt256.ONE, Address.ZERO, Address.ZERO, Address.ZERO, UInt256.ONE));
    return new CertificateContent(
        new BatchKey(MessageType.DEPOSIT_BATCH, UInt256.of(5), 0),
        DepositBatch.of(UInt256.of(5), ds),
        ds,
        List.of(),
        Bls.sign(SecretKey.random(new java.security.SecureRandom()), Bytes32.ZERO),
        List.of(1, 2, 3),
        1);
  }

  @Test
  void acceptedAndDuplicateAnswersAreFinal() {
    assertThat(
            submit(
                200,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"hash\":\"0xab\",\"duplicate\":true}}"))
        .isEqualTo(new SidechainClient.Answer.Accepted("0xab", true));
  }

  @Test
  void aRefusedCertificateIsFinal() {
    assertThat(
            submit(
                200,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,"
                    + "\"message\":\"certificate refused: bad signature\"}}"))
        .isInstanceOf(SidechainClient.Answer.Refused.class);
  }

  @Test
  void anUnavailableLogAnInternalErrorAnHttpErrorOrGarbageAreRetried() {
    assertThat(
            submit(
                200,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,"
                    + "\"message\":\"transaction log unavailable\"}}"))
        .isInstanceOf(SidechainClient.Answer.NoAnswer.class);
    assertThat(
            submit(
                200,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"internal error\"}}"))
        .isInstanceOf(SidechainClient.Answer.NoAnswer.class);
    assertThat(submit(502, "")).isInstanceOf(SidechainClient.Answer.NoAnswer.class);
    assertThat(submit(200, "<html>proxy</html>"))
        .isInstanceOf(SidechainClient.Answer.NoAnswer.class);
    assertThat(submit(200, "{\"jsonrpc\":\"2.0\",\"id\":1}"))
        .isInstanceOf(SidechainClient.Answer.NoAnswer.class);
  }

  @Test
  void anUnreachableNodeIsRetried() {
    SidechainClient client =
        new SidechainClient(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(2));
    assertThat(client.submitDeposits(certificate()))
        .isInstanceOf(SidechainClient.Answer.NoAnswer.class);
  }
}
