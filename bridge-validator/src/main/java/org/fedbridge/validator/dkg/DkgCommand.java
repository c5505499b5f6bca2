package org.fedbridge.validator.dkg;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Result;
import org.fedbridge.service.ServiceLauncher;
import org.fedbridge.validator.dkg.ConfirmedFederation.FederationMember;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar bridge-validator.jar dkg --spec federation.json [settings]}: runs this member's
 * part of the DKG the spec describes over the {@code bridge.dkg} topic (settings as for the
 * service: {@code --spring.datasource.*}, {@code --bridge.validator.kafka.*}, {@code
 * --bridge.validator.keys.*}), writes its share keystore once t members confirmed the key, and
 * prints the group key and the member set. Run again, it resumes the session from the log and its
 * database. {@code dkg verify <transcript.json>} re-evaluates an exported transcript offline.
 *
 * <p>Exit status: 0 confirmed with this member's share; 2 confirmed but this member holds no share;
 * 1 failed or refused.
 */
@Command(
    name = "dkg",
    mixinStandardHelpOptions = true,
    description = "Run this member's part of a DKG, or verify a transcript.",
    subcommands = {DkgCommand.Verify.class})
public final class DkgCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--spec", description = "The federation spec (JSON).")
  Path specFile;

  @Option(names = "--transcript-out", description = "Where to write the public transcript.")
  Path transcriptOut;

  @Option(names = "--result-out", description = "Where to write the result as JSON.")
  Path resultOut;

  @CommandLine.Unmatched List<String> settings = new ArrayList<>();

  public static int run(String[] args) {
    CommandLine cl = new CommandLine(new DkgCommand());
    cl.setUnmatchedOptionsArePositionalParams(false);
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("dkg: " + e.getMessage());
          return 1;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (specFile == null) {
      err.println("dkg: --spec <federation.json> is required (or: dkg verify <transcript.json>)");
      return 1;
    }
    Result<FederationSpec> parsed = FederationSpec.read(specFile);
    if (!parsed.isOk()) {
      err.println("dkg: " + ((Result.Err<FederationSpec>) parsed).detail());
      return 1;
    }
    FederationSpec fs = parsed.orThrow();
    out.printf(
        "dkg: session %s, epoch %d, %d-of-%d%n",
        fs.config().sessionId(), fs.epoch(), fs.threshold(), fs.config().n());
    out.flush();
    List<String> springArgs = new ArrayList<>(settings);
    springArgs.add("--spring.main.web-application-type=none");
    springArgs.add("--spring.main.banner-mode=off");
    // The service's readiness group names its own health checks; the command has none of them.
    springArgs.add("--management.endpoint.health.group.readiness.include=readinessState");
    DkgOutcome outcome;
    try (ConfigurableApplicationContext context =
        ServiceLauncher.run(
            DkgCommandApplication.class,
            "bridge-validator dkg",
            DkgCommandApplication.Settings.class,
            springArgs.toArray(String[]::new))) {
      outcome = context.getBean(DkgService.class).run(fs);
    }
    if (outcome instanceof DkgOutcome.Failed f) {
      err.println(
          "dkg: failed: "
              + f.reason()
              + (f.resumable() ? " (run the command again to resume)" : ""));
      return 1;
    }
    DkgOutcome.Confirmed c = (DkgOutcome.Confirmed) outcome;
    ConfirmedFederation fed = c.federation();
    out.println("dkg: confirmed by at least " + fed.threshold() + " members");
    out.println("group key: " + Hex.encode(fed.groupKey().toCompressed()));
    out.println("threshold: " + fed.threshold());
    out.println("members hash: " + fed.memberSet().orThrow().membersHash());
    out.println("members:");
    for (FederationMember m : fed.members()) {
      out.printf(
          "  %d %s identity %s share key %s%n",
          m.index(),
          m.operatorId(),
          Hex.encode(m.identity().compressed()),
          Hex.encode(m.sharePublicKey().toCompressed()));
    }
    if (transcriptOut != null) {
      Files.writeString(
          transcriptOut, new TranscriptFile(fs, c.sessionId(), c.transcript()).toJson());
      out.println(
          "transcript: "
              + transcriptOut
              + " (check it with: java -jar bridge-validator.jar dkg verify "
              + transcriptOut
              + ")");
    }
    if (resultOut != null) {
      Files.writeString(resultOut, DkgResultFile.json(c));
    }
    if (!c.withShare()) {
      err.println(
          "dkg: the federation confirmed its key, but this member holds no valid share of it");
      return 2;
    }
    out.println("this member: index " + fed.myIndex().orElseThrow() + ", share keystore written");
    return 0;
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Re-evaluate an exported DKG transcript offline.")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "The transcript (JSON).")
    Path transcript;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Result<TranscriptFile> file = TranscriptFile.read(transcript);
      if (!file.isOk()) {
        err.println("dkg verify: " + ((Result.Err<TranscriptFile>) file).detail());
        return 1;
      }
      TranscriptVerifier.Report report = TranscriptVerifier.verify(file.orThrow());
      report.lines().forEach(out::println);
      return report.ok() ? 0 : 1;
    }
  }
}
