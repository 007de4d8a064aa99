package eu.s3cop.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar s3cop-local.jar <command>}. */
@Command(name = "s3cop-local",
        description = "The S3 CoP publishing pipeline on one machine.",
        mixinStandardHelpOptions = true,
        subcommands = {UpCommand.class, RenderCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
