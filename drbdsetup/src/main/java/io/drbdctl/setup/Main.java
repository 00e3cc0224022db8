package io.drbdctl.setup;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code drbdsetup}.
 *
 * <p>The command set arrives with the family codecs (legacy {@code drbd} and {@code drbd2});
 * until then the tool only answers {@code --help} and {@code --version}.
 */
@Command(name = "drbdsetup",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = "Configure the DRBD kernel module (low-level tool; drbdadm drives it).")
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /**
     * Runs the tool and returns its exit code.
     *
     * @param args command line arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
