package org.fedbridge.sidechain.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fedbridge.testsupport.ProjectRoot;
import org.junit.jupiter.api.Test;

/**
 * Every {@code SECURITY:} comment in the repository that names a threat row ("threats.md row 7",
 * "rows 3 and 4") names a row that docs/threats.md has, so a reader can always follow it.
 */
class ThreatModelReferencesTest {
  private static final Pattern ROW_IN_TABLE = Pattern.compile("^\\| (\\d+) \\|");
  private static final Pattern ROWS_NAMED =
      Pattern.compile("\\brows?\\s+(\\d+(?:\\s*(?:,|and)\\s*\\d+)*)");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Set<String> SKIP = Set.of("node_modules", "target", ".git", ".devnet");

  record Reference(Path file, int line, int row) {}

  @Test
  void everySecurityCommentNamesARowOfTheProjectsThreatModel() throws IOException {
    Path root = ProjectRoot.get();
    Set<Integer> rows = new TreeSet<>();
    for (String line : Files.readAllLines(root.resolve("docs/threats.md"))) {
      Matcher m = ROW_IN_TABLE.matcher(line);
      if (m.find()) {
        rows.add(Integer.parseInt(m.group(1)));
      }
    }
    assertThat(rows).as("rows of docs/threats.md").contains(1, 7, 14, 21);

    List<Reference> references = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sol"))
          .filter(p -> !skipped(root.relativize(p)))
          .forEach(p -> references.addAll(references(p)));
    }
    // The repository cites rows in many places; finding none would mean this test is blind.
    assertThat(references).hasSizeGreaterThan(10);
    assertThat(references)
        .as("SECURITY comments naming a row docs/threats.md does not have")
        .allSatisfy(r -> assertThat(rows).as("%s", r).contains(r.row()));
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIP.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  /** Rows named in a SECURITY comment: its line and the comment lines that continue it. */
  private static List<Reference> references(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Reference> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).contains("SECURITY:")) {
        continue;
      }
      StringBuilder comment = new StringBuilder(lines.get(i));
      for (int j = i + 1; j < lines.size() && lines.get(j).trim().startsWith("//"); j++) {
        comment.append(' ').append(lines.get(j).trim().substring(2));
      }
      Matcher named = ROWS_NAMED.matcher(comment);
      while (named.find()) {
        Matcher n = NUMBER.matcher(named.group(1));
        while (n.find()) {
          out.add(new Reference(file, i + 1, Integer.parseInt(n.group())));
        }
      }
    }
    return out;
  }
}
