package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.k8s.Manifests.Workload;

/**
 * PostgreSQL through CloudNativePG: every service has its own database and its own login role (no
 * superuser, no CREATEDB/CREATEROLE), owns that database, reads the role's password from the same
 * Secret the Cluster uses for it, and connects over TLS verifying the cluster's CA. A service that
 * migrates as another role ({@code SPRING_FLYWAY_USER}, the admin console) has that role own the
 * database and runs as a different managed role that owns nothing.
 */
final class PostgresRules {
  private PostgresRules() {}

  static List<String> violations(Manifests m) {
    List<String> out = new ArrayList<>();
    List<GenericKubernetesResource> clusters = m.custom("Cluster");
    if (clusters.size() != 1) {
      out.add("expected one CloudNativePG Cluster, found " + clusters.size());
      return out;
    }
    GenericKubernetesResource cluster = clusters.get(0);
    String clusterName = Manifests.name(cluster);
    if (!Boolean.FALSE.equals(Manifests.at(cluster, "spec", "enableSuperuserAccess"))) {
      out.add("Cluster: enableSuperuserAccess must be false");
    }
    List<String> hba = Manifests.at(cluster, "spec", "postgresql", "pg_hba");
    if (hba == null
        || !hba.contains("hostnossl all all 0.0.0.0/0 reject")
        || !hba.contains("hostnossl all all ::/0 reject")) {
      out.add("Cluster: pg_hba must reject connections without TLS");
    }
    Map<String, Map<String, Object>> rolesBySecret = new HashMap<>();
    List<Map<String, Object>> roles = Manifests.at(cluster, "spec", "managed", "roles");
    for (Map<String, Object> role : roles == null ? List.<Map<String, Object>>of() : roles) {
      @SuppressWarnings("unchecked")
      Map<String, Object> ps = (Map<String, Object>) role.get("passwordSecret");
      rolesBySecret.put(ps == null ? null : (String) ps.get("name"), role);
      for (String attr : List.of("superuser", "createdb", "createrole", "replication")) {
        if (!Boolean.FALSE.equals(role.get(attr))) {
          out.add("role " + role.get("name") + ": " + attr + " must be false");
        }
      }
      if (!Boolean.TRUE.equals(role.get("login")) || !"present".equals(role.get("ensure"))) {
        out.add("role " + role.get("name") + ": must be present with login");
      }
    }
    Map<String, GenericKubernetesResource> databases = new HashMap<>();
    for (GenericKubernetesResource db : m.custom("Database")) {
      if (!clusterName.equals(Manifests.at(db, "spec", "cluster", "name"))) {
        out.add("Database/" + Manifests.name(db) + ": not in Cluster " + clusterName);
      }
      databases.put(Manifests.at(db, "spec", "name"), db);
    }
    Map<String, String> dbOwners = new HashMap<>();
    for (Workload w : m.workloads()) {
      Container c = w.template().getSpec().getContainers().get(0);
      String url = DeploymentRules.env(c, "SPRING_DATASOURCE_URL");
      String user = secret(c, "SPRING_DATASOURCE_USERNAME", "username");
      String password = secret(c, "SPRING_DATASOURCE_PASSWORD", "password");
      if (url == null || user == null || !user.equals(password)) {
        out.add(w.id() + ": needs a JDBC URL and username/password from one Secret");
        continue;
      }
      URI uri = URI.create(url.substring("jdbc:".length()));
      String db = uri.getPath().substring(1);
      Map<String, String> q = query(uri.getRawQuery());
      if (!(clusterName + "-rw").equals(uri.getHost())) {
        out.add(w.id() + ": must connect to " + clusterName + "-rw, not " + uri.getHost());
      }
      if (!"verify-full".equals(q.get("sslmode"))) {
        out.add(w.id() + ": sslmode must be verify-full");
      }
      String root = q.get("sslrootcert");
      if (root == null || !mountedFrom(w, c, root, clusterName + "-ca", "ca.crt")) {
        out.add(w.id() + ": sslrootcert must be ca.crt of Secret " + clusterName + "-ca");
      }
      String migrator = secret(c, "SPRING_FLYWAY_USER", "username");
      if (migrator != null && !migrator.equals(secret(c, "SPRING_FLYWAY_PASSWORD", "password"))) {
        out.add(w.id() + ": Flyway username/password must come from one Secret");
      }
      Map<String, Object> role = rolesBySecret.get(user);
      Map<String, Object> owner = migrator == null ? role : rolesBySecret.get(migrator);
      GenericKubernetesResource database = databases.get(db);
      if (role == null || owner == null) {
        out.add(w.id() + ": no managed role reads its password from Secret " + user);
      } else if (database == null) {
        out.add(w.id() + ": no Database " + db);
      } else if (!owner.get("name").equals(Manifests.at(database, "spec", "owner"))) {
        out.add(w.id() + ": database " + db + " is not owned by its role " + owner.get("name"));
      } else if (migrator != null && role.get("name").equals(owner.get("name"))) {
        out.add(w.id() + ": its service role must not be the role that owns and migrates " + db);
      } else if (migrator != null
          && databases.values().stream()
              .anyMatch(d -> role.get("name").equals(Manifests.at(d, "spec", "owner")))) {
        out.add(w.id() + ": its service role " + role.get("name") + " must own no database");
      }
      String before = dbOwners.put(db, w.id());
      if (before != null) {
        out.add(w.id() + " and " + before + " share database " + db);
      }
    }
    return out;
  }

  private static String secret(Container c, String env, String key) {
    for (EnvVar e : c.getEnv()) {
      if (e.getName().equals(env)
          && e.getValueFrom() != null
          && e.getValueFrom().getSecretKeyRef() != null
          && key.equals(e.getValueFrom().getSecretKeyRef().getKey())) {
        return e.getValueFrom().getSecretKeyRef().getName();
      }
    }
    return null;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        q.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return q;
  }

  static boolean mountedFrom(Workload w, Container c, String path, String secret, String key) {
    for (var vm : c.getVolumeMounts()) {
      if (path.startsWith(vm.getMountPath() + "/")) {
        String file = path.substring(vm.getMountPath().length() + 1);
        return w.template().getSpec().getVolumes().stream()
            .filter(v -> v.getName().equals(vm.getName()) && v.getSecret() != null)
            .anyMatch(
                v ->
                    secret.equals(v.getSecret().getSecretName())
                        && v.getSecret().getItems() != null
                        && v.getSecret().getItems().stream()
                            .anyMatch(i -> i.getKey().equals(key) && i.getPath().equals(file)));
      }
    }
    return false;
  }
}
