package eu.s3cop.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar s3cop-local.jar <command>}. */
@Command(name = "s3cop-local",
        description = "The S3 CoP publishing pipeline on one machine.",
        mixinStandardHelpOptions = true,
        subcommands = {UpCommand.class, RenderCommand.class, ColdStartCommand.class, ThroughputCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("render")) {
            System.exit(RenderCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        // Exit explicitly: DynamoDB Local leaves a non-daemon job thread behind after the stack closes.
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
