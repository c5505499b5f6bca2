package org.fedbridge.devnet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.types.Keccak;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * A devnet user account. Keys are derived from a public seed so that scripts and docs can rely on
 * them; they are for the devnet only and must never hold real value.
 */
record DevAccount(String address, String privateKey) {

  static List<DevAccount> derive(int count) {
    List<DevAccount> accounts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] seed =
          Keccak.hash(("fedbridge devnet account " + i).getBytes(StandardCharsets.UTF_8)).bytes();
      Credentials credentials = Credentials.create(ECKeyPair.create(seed));
      accounts.add(
          new DevAccount(
              credentials.getAddress(),
              Numeric.toHexStringWithPrefixZeroPadded(
                  credentials.getEcKeyPair().getPrivateKey(), 64)));
    }
    return accounts;
  }
}
