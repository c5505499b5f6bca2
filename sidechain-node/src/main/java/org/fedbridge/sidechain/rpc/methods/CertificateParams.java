package org.fedbridge.sidechain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.types.Result;
import org.fedbridge.sidechain.rpc.Params;
import org.fedbridge.sidechain.rpc.RpcException;

/** Checked decoding of BLS points in certificate parameters. */
final class CertificateParams {
  private CertificateParams() {}

  static Signature signature(JsonNode n) throws RpcException {
    byte[] b = Params.hexBytes(n, 0);
    Result<Signature> s = b.length == 128 ? Signature.fromEip2537(b) : Signature.fromCompressed(b);
    if (!s.isOk()) {
      throw RpcException.invalidParams(0, "signature: " + s.rejection());
    }
    return s.orThrow();
  }

  static PublicKey g2(JsonNode n, String field) throws RpcException {
    byte[] b = Params.hexBytes(n, 0);
    Result<PublicKey> k = b.length == 256 ? PublicKey.fromEip2537(b) : PublicKey.fromCompressed(b);
    if (!k.isOk()) {
      throw RpcException.invalidParams(0, field + ": " + k.rejection());
    }
    return k.orThrow();
  }
}
