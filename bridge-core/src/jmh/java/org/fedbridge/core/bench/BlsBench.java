package org.fedbridge.core.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.fedbridge.core.bls.Bls;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.bls.SecretKey;
import org.fedbridge.core.bls.Signature;
import org.fedbridge.core.threshold.PartialSignature;
import org.fedbridge.core.threshold.SecretShare;
import org.fedbridge.core.threshold.ThresholdSigner;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Keccak;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Single-signature costs: partial sign, verify, decode. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlsBench {
  SecretShare share;
  PublicKey pk;
  Bytes32 digest;
  Signature sig;
  byte[] sigEip2537;

  @Setup
  public void setup() {
    share = new SecretShare(1, SecretKey.random(new SecureRandom()));
    pk = share.publicKey();
    digest = Keccak.hash("bench".getBytes());
    sig = Bls.sign(share.key(), digest);
    sigEip2537 = sig.toEip2537();
  }

  @Benchmark
  public PartialSignature partialSign() {
    return ThresholdSigner.partialSign(share, digest);
  }

  @Benchmark
  public boolean verify() {
    return Bls.verify(pk, digest, sig);
  }

  @Benchmark
  public Object decodeEip2537Signature() {
    return Signature.fromEip2537(sigEip2537);
  }
}
