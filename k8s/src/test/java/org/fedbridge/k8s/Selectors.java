package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Kubernetes label-selector semantics, for checking what selects what. */
final class Selectors {
  private Selectors() {}

  /** Whether the selector selects an object with these labels ({@code {}} selects everything). */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> have = labels == null ? Map.of() : labels;
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(have.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        String v = have.get(r.getKey());
        boolean ok =
            switch (r.getOperator()) {
              case "In" -> v != null && r.getValues().contains(v);
              case "NotIn" -> v == null || !r.getValues().contains(v);
              case "Exists" -> v != null;
              case "DoesNotExist" -> v == null;
              default -> throw new AssertionError("unknown selector operator " + r.getOperator());
            };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  /** A Service-style selector (plain map): every pair must be present. */
  static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    if (selector == null || selector.isEmpty()) {
      return false;
    }
    Map<String, String> have = labels == null ? Map.of() : labels;
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
  }
}
