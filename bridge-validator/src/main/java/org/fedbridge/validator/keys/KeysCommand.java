package org.fedbridge.validator.keys;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fedbridge.core.dkg.IdentityKey;
import org.fedbridge.core.keystore.IdentityKeystore;
import org.fedbridge.core.keystore.Password;
import org.fedbridge.core.keystore.ShareKeystore;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.OperatorId;
import org.fedbridge.core.types.Result;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar bridge-validator.jar keys ...}: an operator's key chores, without starting the
 * service. {@code new-identity} creates the identity keystore and prints the public key the
 * operator sends to the federation (it goes into the federation spec); {@code show} lists what the
 * key directory holds. Passwords come from a file or an environment variable, never from the
 * command line.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Create and inspect this member's keystores.",
    subcommands = {KeysCommand.NewIdentity.class, KeysCommand.Show.class})
public final class KeysCommand {

  private final Map<String, String> environment;

  private KeysCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Runs {@code keys <args>}; returns the exit status (0 done, 1 refused, 2 usage). */
  public static int run(String[] args, Map<String, String> environment) {
    CommandLine cl = new CommandLine(new KeysCommand(environment));
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("keys: " + e.getMessage());
          return 1;
        });
    return cl.execute(args);
  }

  /** One password source. */
  static final class PasswordSource {
    @Option(names = "--password-file", description = "File holding the keystore password.")
    Path file;

    @Option(
        names = "--password-env",
        description = "Environment variable holding the keystore password.")
    String env;

    Result<Password> read(Map<String, String> environment) {
      return file != null ? Password.fromFile(file) : Password.fromEnv(env, environment);
    }
  }

  @Command(
      name = "new-identity",
      mixinStandardHelpOptions = true,
      description =
          "Create identity.json (an EIP-2335 keystore of a new secp256k1 identity key) and print"
              + " the public key to send to the federation; with --next, identity-next.json for"
              + " an identity rotation.")
  static final class NewIdentity implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand KeysCommand parent;

    @Option(names = "--operator-id", required = true, description = "[a-z0-9-], 1-64 chars.")
    String operatorId;

    @Option(names = "--directory", description = "Key directory (default ${DEFAULT-VALUE}).")
    Path directory = Path.of("keys");

    @ArgGroup(multiplicity = "1")
    PasswordSource password;

    @Option(
        names = "--scrypt-n",
        description = "scrypt cost, a power of two (default ${DEFAULT-VALUE}, EIP-2335's).")
    int scryptN = 1 << 18;

    @Option(
        names = "--next",
        description =
            "Create identity-next.json, the key of the next epoch's member set (identity"
                + " rotation); identity.json must exist and keeps signing until then.")
    boolean next;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Result<String> id = OperatorId.check(operatorId);
      if (!id.isOk()) {
        err.println("keys: " + ((Result.Err<String>) id).detail());
        return 1;
      }
      if (Integer.bitCount(scryptN) != 1 || scryptN < 1024 || scryptN > (1 << 20)) {
        err.println("keys: --scrypt-n must be a power of two between 1024 and 1048576");
        return 1;
      }
      Result<Password> pw = password.read(parent.environment);
      if (!pw.isOk()) {
        err.println("keys: " + ((Result.Err<Password>) pw).detail());
        return 1;
      }
      KeyDirectory keys =
          new KeysSettings(
                  directory, null, null, "unused", KeysSettings.SignerKind.KEYSTORE, scryptN)
              .open(pw.orThrow());
      Path file = next ? keys.nextIdentityFile() : keys.identityFile();
      if (Files.exists(file)) {
        err.println(
            "keys: "
                + file
                + " already exists; an identity key is never replaced (move it away first)");
        return 1;
      }
      if (next && !Files.exists(keys.identityFile())) {
        err.println("keys: --next needs the identity in use at " + keys.identityFile());
        return 1;
      }
      try (IdentityKeystore contents =
          new IdentityKeystore(operatorId, IdentityKey.random(new SecureRandom()))) {
        if (next) {
          keys.createNextIdentity(contents);
        } else {
          keys.createIdentity(contents);
        }
        String pub = Hex.encode(contents.identity().publicKey().compressed());
        out.println("created " + file + " (EIP-2335, scrypt n=" + scryptN + ")");
        out.println("operator id:         " + operatorId);
        out.println("identity public key: " + pub);
        out.println("Send both to the federation; its spec lists this member as:");
        out.println(
            "  {\"operatorId\": \"" + operatorId + "\", \"identityPublicKey\": \"" + pub + "\"}");
      } finally {
        pw.orThrow().close();
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print the identity public key and the shares in the key directory.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand KeysCommand parent;

    @Option(names = "--directory", description = "Key directory (default ${DEFAULT-VALUE}).")
    Path directory = Path.of("keys");

    @ArgGroup(multiplicity = "1")
    PasswordSource password;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Result<Password> pw = password.read(parent.environment);
      if (!pw.isOk()) {
        err.println("keys: " + ((Result.Err<Password>) pw).detail());
        return 1;
      }
      KeyDirectory keys =
          new KeysSettings(directory, null, null, "unused", KeysSettings.SignerKind.KEYSTORE, 1024)
              .open(pw.orThrow());
      Result<Identities> id = Identities.open(keys);
      if (!id.isOk()) {
        err.println("keys: " + ((Result.Err<Identities>) id).detail());
        return 1;
      }
      try (Identities identities = id.orThrow()) {
        out.println("operator id:         " + identities.current().operatorId());
        for (IdentityKeystore k : identities.all()) {
          out.println(
              (k == identities.current() ? "identity public key: " : "next identity key:   ")
                  + Hex.encode(k.identity().publicKey().compressed()));
        }
      }
      try (var files = Files.list(directory)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (!name.matches("share-epoch-[0-9]+\\.json")) {
            continue;
          }
          long epoch = Long.parseLong(name.replaceAll("[^0-9]", ""));
          Result<ShareKeystore> share = keys.share(epoch).orElseThrow();
          if (share.isOk()) {
            try (ShareKeystore s = share.orThrow()) {
              out.printf(
                  "epoch %d: share %d, %d-of-n, group key %s, session %s%n",
                  s.epoch(),
                  s.share().index(),
                  s.threshold(),
                  Hex.encode(s.groupKey().toCompressed()),
                  s.sessionId());
            }
          } else {
            out.println(name + ": " + ((Result.Err<ShareKeystore>) share).detail());
          }
        }
      }
      return 0;
    }
  }
}
