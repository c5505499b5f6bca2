package org.fedbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard shipped as a ConfigMap: valid JSON, the ConfigMap generated from the
 * committed file, every validator metric the team agreed on shown on some panel, no panel querying
 * a validator metric that does not exist, and every panel explaining what to do.
 */
class DashboardTest {
  /** The validator's agreed Prometheus metrics (docs/operations.md, "Read the dashboard"). */
  static final Set<String> VALIDATOR_METRICS =
      Set.of(
          "fedbridge_validator_chain_head",
          "fedbridge_validator_chain_safe_head",
          "fedbridge_validator_chain_cursor",
          "fedbridge_validator_chain_lag_blocks",
          "fedbridge_validator_batches_signed_total",
          "fedbridge_validator_partials_received_total",
          "fedbridge_validator_partials_rejected_total",
          "fedbridge_validator_certificates_combined_total",
          "fedbridge_validator_certificate_missing_signers_total",
          "fedbridge_validator_signing_latency_seconds",
          "fedbridge_validator_limit_holds_total",
          "fedbridge_validator_limit_held_batches",
          "fedbridge_validator_accountant_refusals_total",
          "fedbridge_validator_reorgs_total",
          "fedbridge_validator_signing_halted",
          "fedbridge_validator_kafka_records_skipped_total",
          "fedbridge_validator_certificate_latency_seconds",
          "fedbridge_validator_partial_pairings_total",
          "fedbridge_validator_certificate_verifications_total",
          "fedbridge_validator_consensus_pending_batches",
          "fedbridge_validator_deposit_submissions_total",
          "fedbridge_validator_heartbeats_total");

  private static final Pattern METRIC = Pattern.compile("\\b(fedbridge_[a-z0-9_]+)");

  private static JsonNode dashboard() throws Exception {
    var cm = Manifests.render("base/monitoring").configMap("fedbridge-dashboard").orElseThrow();
    assertThat(cm.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    String json = cm.getData().get("fedbridge-dashboard.json");
    assertThat(json)
        .isEqualTo(Repo.read(Repo.k8s().resolve("base/monitoring/fedbridge-dashboard.json")));
    return new ObjectMapper().readTree(json);
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    dashboard
        .get("panels")
        .forEach(
            p -> {
              if (!"row".equals(p.get("type").asText())) {
                out.add(p);
              }
            });
    return out;
  }

  @Test
  void everyAgreedValidatorMetricIsOnAPanelAndNoOtherIsQueried() throws Exception {
    Set<String> queried = new TreeSet<>();
    for (JsonNode p : panels(dashboard())) {
      for (JsonNode t : p.get("targets")) {
        Matcher m = METRIC.matcher(t.get("expr").asText());
        while (m.find()) {
          queried.add(m.group(1).replaceAll("_(bucket|sum|count)$", ""));
        }
      }
    }
    assertThat(queried).containsExactlyInAnyOrderElementsOf(VALIDATOR_METRICS);
  }

  @Test
  void everyAlertWatchesAgreedMetricsAndNamesItsRunbook() {
    Manifests m = Manifests.render("base/monitoring");
    var rule = m.custom("PrometheusRule");
    assertThat(rule).hasSize(1);
    assertThat(Strict.violations(m)).isEmpty();
    java.util.List<java.util.Map<String, Object>> groups =
        Manifests.at(rule.get(0), "spec", "groups");
    String runbooks = Repo.read(Repo.root().resolve("docs/operations.md"));
    Set<String> alerted = new TreeSet<>();
    int alerts = 0;
    for (var group : groups) {
      @SuppressWarnings("unchecked")
      var rules = (java.util.List<java.util.Map<String, Object>>) group.get("rules");
      for (var r : rules) {
        alerts++;
        String name = (String) r.get("alert");
        Matcher metric = METRIC.matcher((String) r.get("expr"));
        while (metric.find()) {
          alerted.add(metric.group(1));
        }
        @SuppressWarnings("unchecked")
        var labels = (java.util.Map<String, String>) r.get("labels");
        @SuppressWarnings("unchecked")
        var annotations = (java.util.Map<String, String>) r.get("annotations");
        assertThat(labels.get("severity")).as(name).isIn("warning", "critical");
        assertThat(annotations).as(name).containsKeys("summary", "description", "runbook");
        Matcher section =
            Pattern.compile("docs/operations.md, \"(.+)\"").matcher(annotations.get("runbook"));
        assertThat(section.matches()).as(name + " runbook").isTrue();
        assertThat(runbooks).as(name + " runbook section").contains("## " + section.group(1));
      }
    }
    assertThat(alerts).isGreaterThanOrEqualTo(6);
    assertThat(VALIDATOR_METRICS).containsAll(alerted);
    assertThat(alerted)
        .contains(
            "fedbridge_validator_signing_halted", "fedbridge_validator_accountant_refusals_total");
  }

  @Test
  void everyPanelSaysWhatItMeansAndWhatToDo() throws Exception {
    List<JsonNode> panels = panels(dashboard());
    assertThat(panels).hasSizeGreaterThanOrEqualTo(VALIDATOR_METRICS.size());
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode p : panels) {
      String title = p.get("title").asText();
      assertThat(p.get("description").asText()).as(title).hasSizeGreaterThan(40);
      assertThat(p.get("datasource").get("uid").asText()).as(title).isEqualTo("${datasource}");
      assertThat(p.get("targets")).as(title).isNotEmpty();
      assertThat(ids.add(p.get("id").asInt())).as(title + " id is unique").isTrue();
      String runbook = Repo.read(Repo.root().resolve("docs/operations.md"));
      assertThat(runbook)
          .as("docs/operations.md explains panel " + title)
          .contains("**" + title + "**");
    }
  }
}
