package org.fedbridge.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile read into instructions and stages (no engine here to ask). */
record Dockerfile(Map<String, String> globalArgs, List<Stage> stages) {
  record Instruction(String keyword, String args) {}

  record Stage(String base, String name, List<Instruction> instructions) {
    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }
  }

  private static final Pattern FROM =
      Pattern.compile("(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+(?i:as)\\s+(\\S+))?");
  private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

  static Dockerfile parse(String text) {
    List<String> logical = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (line.startsWith("#")) {
        continue; // a comment inside a continued instruction
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        current.append(line);
        logical.add(current.toString().strip());
        current.setLength(0);
      }
    }
    Map<String, String> global = new HashMap<>();
    List<Stage> stages = new ArrayList<>();
    for (String line : logical) {
      String[] parts = line.split("\\s+", 2);
      String keyword = parts[0].toUpperCase();
      String args = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        Matcher m = FROM.matcher(args);
        if (!m.matches()) {
          throw new IllegalArgumentException("bad FROM: " + args);
        }
        stages.add(new Stage(resolve(m.group(1), global), m.group(2), new ArrayList<>()));
      } else if (stages.isEmpty()) {
        if (!keyword.equals("ARG")) {
          throw new IllegalArgumentException(keyword + " before the first FROM");
        }
        String[] kv = args.split("=", 2);
        global.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : null);
      } else {
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, args));
      }
    }
    return new Dockerfile(global, stages);
  }

  private static String resolve(String value, Map<String, String> args) {
    Matcher m = VAR.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = args.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
    }
    m.appendTail(out);
    return out.toString();
  }

  Stage last() {
    return stages.get(stages.size() - 1);
  }
}
