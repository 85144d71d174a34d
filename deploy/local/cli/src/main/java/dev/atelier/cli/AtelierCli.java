package dev.atelier.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./atelier} command line. */
@Command(
        name = "atelier",
        mixinStandardHelpOptions = true,
        subcommands = {UpCommand.class, DemoCommand.class, ModelsCommand.class, DatasetCommand.class, KeysCommand.class
        },
        description = "Run Atelier on this machine: Kafka, an S3 server and the services, no Docker needed.")
public final class AtelierCli {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new AtelierCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("atelier: " + e.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }
}
