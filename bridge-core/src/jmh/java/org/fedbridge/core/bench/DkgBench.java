package org.fedbridge.core.bench;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fedbridge.core.dkg.DkgResult;
import org.fedbridge.core.dkg.LocalDkg;
import org.fedbridge.core.types.Result;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** A whole DKG, every member in this JVM on one thread (so wall time ≈ total CPU time). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class DkgBench {
  @Param({"19", "100"})
  public int n;

  @Benchmark
  public Map<Integer, Result<DkgResult>> fullDkg() {
    Map<Integer, Result<DkgResult>> r = LocalDkg.create(n, new SecureRandom()).run();
    if (!r.get(1).isOk()) {
      throw new IllegalStateException("DKG failed: " + r.get(1));
    }
    return r;
  }
}
