package org.causalrx.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.causalrx.serve.AuditVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code causalrx audit verify LOG}: checks a {@code serve} audit log's hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the audit log of `causalrx serve`.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Exit 0: chain intact; 1: broken (the first broken record is printed); 2: the file cannot be read. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the hash chain; report the first broken record. Exit 0 intact, 1 broken, 2 "
                    + "unreadable.")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "LOG", description = "the audit log (JSON lines)")
        Path log;

        @Override
        public Integer call() {
            AuditVerifier.Report r = AuditVerifier.verify(log);
            if (r.intact()) {
                System.out.println(log + ": " + r.records() + " records, chain intact; last hash " + r.lastHash());
                return 0;
            }
            System.out.println(log + " line " + r.firstBreak().line() + ": " + r.firstBreak().what() + " ("
                    + r.records() + " records before it are intact)");
            return 1;
        }
    }
}
