package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Strict parsing on top of fabric8: its model keeps fields it does not know in {@code
 * additionalProperties} instead of failing, so a misspelt field (say {@code
 * readOnlyRootFileSystem}) would be silently ignored by the API server's client and by us. This
 * walks the typed model and reports every such field; custom resources, which fabric8 has no type
 * for, are checked against {@code custom-resource-shapes.yaml}.
 */
final class Strict {
  private static final Map<String, Object> SHAPES = loadShapes();

  private Strict() {}

  static List<String> violations(Manifests manifests) {
    List<String> out = new ArrayList<>();
    for (HasMetadata r : manifests.all()) {
      String id = r.getKind() + "/" + r.getMetadata().getName();
      if (r instanceof GenericKubernetesResource custom) {
        walk(custom.getMetadata(), id + ".metadata", out, new IdentityHashMap<>());
        checkCustom(custom, id, out);
      } else {
        walk(r, id, out, new IdentityHashMap<>());
      }
    }
    return out;
  }

  private static void walk(Object node, String path, List<String> out, Map<Object, Object> seen) {
    if (node == null || seen.put(node, node) != null) {
      return;
    }
    if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", out, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, out, seen));
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Class<?> c = node.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        Object value;
        try {
          value = f.get(node);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
        if (f.getName().equals("additionalProperties")) {
          if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
            out.add(path + ": unknown field(s) " + extra.keySet());
          }
        } else {
          walk(value, path + "." + f.getName(), out, seen);
        }
      }
    }
  }

  private static void checkCustom(GenericKubernetesResource r, String id, List<String> out) {
    String key = r.getApiVersion() + "/" + r.getKind();
    Object shape = SHAPES.get(key);
    if (shape == null) {
      out.add(id + ": no known schema for " + key + " (add it to custom-resource-shapes.yaml)");
      return;
    }
    for (Map.Entry<String, Object> e : r.getAdditionalProperties().entrySet()) {
      if (e.getKey().equals("spec")) {
        check(e.getValue(), shape, id + ".spec", out);
      } else {
        out.add(id + ": unexpected top-level field " + e.getKey());
      }
    }
  }

  /** Checks one value against its shape (see the header of custom-resource-shapes.yaml). */
  static void check(Object value, Object shape, String path, List<String> out) {
    if (shape instanceof Map<?, ?> fields) {
      if (!(value instanceof Map<?, ?> map)) {
        out.add(path + ": expected an object, got " + value);
        return;
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!fields.containsKey(e.getKey())) {
          out.add(path + ": unknown field " + e.getKey());
        } else {
          check(e.getValue(), fields.get(e.getKey()), path + "." + e.getKey(), out);
        }
      }
    } else if (shape instanceof List<?> items) {
      if (!(value instanceof List<?> list)) {
        out.add(path + ": expected a list, got " + value);
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), items.get(0), path + "[" + i + "]", out);
      }
    } else {
      String leaf = (String) shape;
      boolean ok =
          switch (leaf) {
            case "any" -> true;
            case "string" -> value instanceof String;
            case "int" -> value instanceof Integer || value instanceof Long;
            case "bool" -> value instanceof Boolean;
            case "quantity" -> value instanceof String || value instanceof Number;
            case "map" ->
                value instanceof Map<?, ?> m
                    && m.values().stream()
                        .allMatch(
                            v ->
                                v instanceof String || v instanceof Number || v instanceof Boolean);
            default -> {
              if (!leaf.startsWith("enum:")) {
                throw new IllegalStateException("bad shape leaf " + leaf + " at " + path);
              }
              yield value != null && Set.of(leaf.substring(5).split("\\|")).contains(value);
            }
          };
      if (!ok) {
        out.add(path + ": " + value + " is not " + leaf);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> loadShapes() {
    try (var in = Strict.class.getResourceAsStream("/custom-resource-shapes.yaml")) {
      return (Map<String, Object>) new Yaml().load(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
