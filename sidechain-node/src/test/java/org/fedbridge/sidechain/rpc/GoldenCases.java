package org.fedbridge.sidechain.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.genesis.TokenAddresses;
import org.fedbridge.sidechain.ledger.DepositCertificate;
import org.fedbridge.sidechain.testing.Abis;
import org.fedbridge.sidechain.testing.TestAccounts;
import org.fedbridge.sidechain.testing.TestFederation;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * Writes the golden requests (src/test/resources/rpc/golden/*.json); {@link JsonRpcGoldenTest}
 * fills in the responses once with {@code -Dgolden.record=true}, and compares them ever after.
 * Signatures are deterministic (RFC 6979), so the files are stable.
 */
public final class GoldenCases {
  private GoldenCases() {}

  static Map<String, Object> req(String method, Object... params) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jsonrpc", "2.0");
    m.put("id", 1);
    m.put("method", method);
    m.put("params", List.of(params));
    return m;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/rpc/golden");
    Files.createDirectories(dir);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    long chain = 1337;
    TestAccounts.Account reader = TestAccounts.derived("sample", 3);
    TestAccounts.Account poor = TestAccounts.derived("golden-poor", 0);
    String token = TokenAddresses.sidechainToken(TestGenesis.L1_TOKEN).toHex();
    Address other = Address.fromHex("0x00000000000000000000000000000000000000b0");
    BigInteger z = BigInteger.ZERO;
    Map<String, Object> cases = new LinkedHashMap<>();
    cases.put("web3_clientVersion", req("web3_clientVersion"));
    cases.put("net_version", req("net_version"));
    cases.put("eth_chainId", req("eth_chainId"));
    cases.put("eth_getBlockByNumber-genesis", req("eth_getBlockByNumber", "0x0", false));
    cases.put("eth_getBlockByNumber-unknown", req("eth_getBlockByNumber", "0xffffff", true));
    cases.put("eth_getBalance", req("eth_getBalance", reader.address().toHex(), "latest"));
    cases.put("eth_getBalance-bad-address", req("eth_getBalance", "0x1234", "latest"));
    cases.put(
        "eth_getTransactionCount",
        req("eth_getTransactionCount", reader.address().toHex(), "latest"));
    cases.put("eth_getCode-token", req("eth_getCode", token, "latest"));
    cases.put("eth_getCode-account", req("eth_getCode", reader.address().toHex(), "latest"));
    cases.put("eth_gasPrice", req("eth_gasPrice"));
    cases.put("eth_maxPriorityFeePerGas", req("eth_maxPriorityFeePerGas"));
    cases.put("eth_feeHistory", req("eth_feeHistory", "0x4", "0x0", List.of(25, 75)));
    cases.put(
        "eth_call-symbol", req("eth_call", Map.of("to", token, "data", "0x95d89b41"), "latest"));
    cases.put(
        "eth_call-balanceOf",
        req(
            "eth_call",
            Map.of("to", token, "data", Hex.encode(Abis.balanceOf(reader.address()))),
            "latest"));
    cases.put(
        "eth_estimateGas-transfer",
        req(
            "eth_estimateGas",
            Map.of("from", reader.address().toHex(), "to", other.toHex(), "value", "0x1")));
    cases.put(
        "eth_estimateGas-reverts",
        req(
            "eth_estimateGas",
            Map.of(
                "from",
                reader.address().toHex(),
                "to",
                token,
                "data",
                Hex.encode(Abis.transfer(other, BigInteger.ONE)))));
    cases.put(
        "eth_getTransactionReceipt-unknown",
        req("eth_getTransactionReceipt", "0x" + "ab".repeat(32)));
    cases.put(
        "eth_getTransactionByHash-unknown",
        req("eth_getTransactionByHash", "0x" + "ab".repeat(32)));
    cases.put(
        "eth_getLogs-genesis", req("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "0x0")));
    cases.put("eth_syncing-unknown-params", req("eth_syncing", 1));
    cases.put("eth_sendRawTransaction-not-hex", req("eth_sendRawTransaction", "hello"));
    cases.put("eth_sendRawTransaction-malformed-rlp", req("eth_sendRawTransaction", "0xf8ff01"));
    cases.put(
        "eth_sendRawTransaction-wrong-chain",
        req(
            "eth_sendRawTransaction",
            Hex.encode(TestAccounts.transfer(reader, chain + 1, 0, other, BigInteger.ONE))));
    cases.put(
        "eth_sendRawTransaction-insufficient-funds",
        req(
            "eth_sendRawTransaction",
            Hex.encode(TestAccounts.transfer(poor, chain, 0, other, BigInteger.ONE))));
    cases.put(
        "eth_sendRawTransaction-nonce-too-high",
        req(
            "eth_sendRawTransaction",
            Hex.encode(TestAccounts.transfer(reader, chain, 1000, other, BigInteger.ONE))));
    cases.put(
        "eth_sendRawTransaction-intrinsic-gas",
        req(
            "eth_sendRawTransaction",
            Hex.encode(
                TestAccounts.eip1559(reader, chain, 0, z, z, 20_000, other, z, new byte[0]))));
    cases.put(
        "eth_sendRawTransaction-contract-creation",
        req(
            "eth_sendRawTransaction",
            Hex.encode(
                TestAccounts.eip1559(reader, chain, 0, z, z, 100_000, null, z, new byte[] {1}))));
    byte[] typed =
        Hex.decode(Hex.encode(TestAccounts.transfer(reader, chain, 0, other, BigInteger.ONE)));
    typed[0] = 0x01;
    cases.put("eth_sendRawTransaction-type-1", req("eth_sendRawTransaction", Hex.encode(typed)));
    byte[] preEip155 =
        Rlp.list(
            Rlp.uint(0),
            Rlp.uint(0),
            Rlp.uint(21000),
            Rlp.string(other.bytes()),
            Rlp.uint(1),
            Rlp.string(new byte[0]),
            Rlp.uint(27),
            Rlp.uint(BigInteger.TEN),
            Rlp.uint(BigInteger.TEN));
    cases.put(
        "eth_sendRawTransaction-pre-eip155", req("eth_sendRawTransaction", Hex.encode(preEip155)));
    byte[] badSig = TestAccounts.transfer(reader, chain, 0, other, BigInteger.ONE);
    badSig[badSig.length - 1] ^= 0x01; // s changes: another (or no) sender
    byte[] highS =
        Rlp.list(
            Rlp.uint(0),
            Rlp.uint(0),
            Rlp.uint(21000),
            Rlp.string(other.bytes()),
            Rlp.uint(1),
            Rlp.string(new byte[0]),
            Rlp.uint(2709),
            Rlp.uint(BigInteger.TEN),
            Rlp.uint(
                new BigInteger(
                    "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", 16)));
    cases.put("eth_sendRawTransaction-high-s", req("eth_sendRawTransaction", Hex.encode(highS)));
    cases.put("unknown-method", req("eth_mining"));
    cases.put("bridge_tokens", req("bridge_tokens"));
    cases.put("bridge_epoch", req("bridge_epoch"));
    cases.put("bridge_info", req("bridge_info"));
    cases.put("bridge_getWithdrawalRoot-genesis", req("bridge_getWithdrawalRoot", "0x0"));
    cases.put("bridge_getWithdrawalProof-unknown", req("bridge_getWithdrawalProof", "999999"));
    DepositCertificate forged =
        TestFederation.of("mallory", 0)
            .deposits(
                chain,
                1,
                List.of(TestFederation.deposit(1, Address.ZERO, reader.address(), BigInteger.TEN)));
    cases.put(
        "bridge_submitDepositCertificate-forged",
        req("bridge_submitDepositCertificate", RunningNodeTest.certificateJson(forged)));
    for (Map.Entry<String, Object> e : cases.entrySet()) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("request", e.getValue());
      file.put("response", null);
      Path p = dir.resolve(e.getKey() + ".json");
      if (!Files.exists(p)) {
        json.writeValue(p.toFile(), file);
      }
    }
    // Raw bodies that are not valid JSON-RPC requests at all.
    writeRaw(dir, "parse-error", "{\"jsonrpc\":\"2.0\",", json);
    writeRaw(
        dir, "invalid-request", "{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"eth_chainId\"}", json);
    writeRaw(dir, "empty-batch", "[]", json);
    writeRaw(
        dir,
        "batch",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]},"
            + "{\"jsonrpc\":\"2.0\",\"id\":\"two\",\"method\":\"net_version\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_nope\"},"
            + "42]",
        json);
  }

  private static void writeRaw(Path dir, String name, String body, ObjectMapper json)
      throws Exception {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("rawRequest", body);
    file.put("response", null);
    Path p = dir.resolve(name + ".json");
    if (!Files.exists(p)) {
      json.writeValue(p.toFile(), file);
    }
  }
}
