package org.fedbridge.relayer.chain;

import org.fedbridge.core.types.Address;
import org.fedbridge.relayer.RelayerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The adapters to L1 and the sidechain. Nothing here connects at start-up. */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

  @Bean(destroyMethod = "shutdown")
  Web3j l1Web3j(RelayerProperties properties) {
    return Web3j.build(new HttpService(properties.l1().rpcUrl().toString()));
  }

  @Bean
  L1Client l1Client(Web3j l1Web3j) {
    return new L1Client(l1Web3j);
  }

  @Bean
  VaultClient vaultClient(Web3j l1Web3j, RelayerProperties properties) {
    return new VaultClient(l1Web3j, properties.vault().toLowerCase(java.util.Locale.ROOT));
  }

  @Bean
  SidechainClient sidechainClient(RelayerProperties properties) {
    return new SidechainClient(properties.sidechain().rpcUrl().toString());
  }

  @Bean
  VaultErrors vaultErrors() {
    return VaultErrors.fromClasspath();
  }

  @Bean
  BridgeDomain bridgeDomain(RelayerProperties properties) {
    return new BridgeDomain(
        properties.l1().chainId(),
        Address.fromHex(properties.vault()),
        properties.sidechain().chainId());
  }

  /** The gas-paying key, decrypted once at start-up; absent without {@code bridge.relayer.keys}. */
  @Bean
  @ConditionalOnProperty(prefix = "bridge.relayer.keys", name = "keystore")
  GasKey gasKey(RelayerProperties properties) {
    return GasKey.load(properties.keys(), properties.l1().chainId(), System.getenv());
  }
}
