package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fedbridge.k8s.Manifests.Workload;

/**
 * Network policies: every fedbridge pod is under a default deny for both directions, and may reach
 * exactly the destinations its service needs (named by port: dns 53, kafka 9093, postgres 5432, l1
 * 443, sidechain 8645), each rule naming its peers and ports.
 */
final class NetworkRules {
  /** What each service must be able to reach, and nothing more. */
  static final Map<String, Set<String>> EGRESS =
      Map.of(
          "bridge-validator", Set.of("dns", "kafka", "postgres", "l1", "sidechain"),
          "sidechain-node", Set.of("dns", "kafka", "postgres"),
          "relayer", Set.of("dns", "kafka", "postgres", "l1", "sidechain"),
          "admin-api", Set.of("dns", "kafka", "postgres", "l1", "sidechain"));

  private static final Map<Integer, String> DESTINATIONS =
      Map.of(53, "dns", 9093, "kafka", 5432, "postgres", 443, "l1", 8645, "sidechain");

  private NetworkRules() {}

  static List<String> violations(Manifests m, boolean allowInternetEgress) {
    List<String> out = new ArrayList<>();
    List<NetworkPolicy> policies = m.of(NetworkPolicy.class);
    for (Workload w : m.workloads()) {
      Map<String, String> labels = w.template().getMetadata().getLabels();
      List<NetworkPolicy> applying =
          policies.stream()
              .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), labels))
              .toList();
      boolean defaultDeny =
          applying.stream()
              .anyMatch(
                  p ->
                      p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                          && empty(p.getSpec().getIngress())
                          && empty(p.getSpec().getEgress()));
      if (!defaultDeny) {
        out.add(w.id() + ": no default-deny NetworkPolicy (Ingress and Egress) selects it");
      }
      Set<String> reach = new TreeSet<>();
      for (NetworkPolicy p : applying) {
        String id = w.id() + " via NetworkPolicy/" + Manifests.name(p);
        for (NetworkPolicyEgressRule r : list(p.getSpec().getEgress())) {
          if (empty(r.getTo())) {
            out.add(id + ": an egress rule without peers allows every destination");
          }
          if (empty(r.getPorts())) {
            out.add(id + ": an egress rule without ports allows every port");
          }
          for (NetworkPolicyPeer peer : list(r.getTo())) {
            if (peer.getIpBlock() != null
                && peer.getIpBlock().getCidr().endsWith("/0")
                && !allowInternetEgress) {
              out.add(id + ": egress to " + peer.getIpBlock().getCidr());
            }
          }
          for (NetworkPolicyPort port : list(r.getPorts())) {
            String dest = DESTINATIONS.get(number(port.getPort()));
            if (dest == null) {
              out.add(id + ": egress to unexpected port " + port.getPort());
            } else {
              reach.add(dest);
            }
          }
        }
        for (NetworkPolicyIngressRule r : list(p.getSpec().getIngress())) {
          if (empty(r.getFrom()) || empty(r.getPorts())) {
            out.add(id + ": an ingress rule must name its sources and ports");
          }
          for (NetworkPolicyPort port : list(r.getPorts())) {
            if (!opensOwnPort(w, port.getPort())) {
              out.add(id + ": ingress to " + port.getPort() + ", not its http port");
            }
          }
        }
      }
      Set<String> want = EGRESS.get(w.app());
      if (want == null) {
        out.add(w.id() + ": unknown service, no expected egress");
      } else if (!reach.equals(want)) {
        out.add(w.id() + ": may reach " + reach + ", expected exactly " + new TreeSet<>(want));
      }
    }
    return out;
  }

  private static boolean opensOwnPort(Workload w, IntOrString port) {
    return w.template().getSpec().getContainers().stream()
        .flatMap(c -> c.getPorts().stream())
        .anyMatch(
            p ->
                "http".equals(p.getName())
                    && (p.getName().equals(port.getStrVal())
                        || p.getContainerPort().equals(port.getIntVal())));
  }

  private static Integer number(IntOrString port) {
    return port == null ? null : port.getIntVal();
  }

  private static boolean empty(List<?> l) {
    return l == null || l.isEmpty();
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
