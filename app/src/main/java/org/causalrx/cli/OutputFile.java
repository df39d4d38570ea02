package org.causalrx.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.causalrx.util.CausalRxException;

/**
 * Writes a command's output file atomically with {@link OutputTarget}'s rules: the text goes into a hidden
 * temporary sibling ({@code .NAME.tmp-PID-N}), renamed onto the target when complete; SIGTERM/SIGINT delete the
 * temporary, a SIGKILL leftover is swept by the next write into the same folder.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /**
     * Checks the target and writes {@code text} (UTF-8) there.
     *
     * @throws CausalRxException when the target is refused or cannot be written; nothing is left behind
     */
    public static void write(OutputTarget target, String text) {
        target.check();
        Path abs = target.absolute();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            StaleTemps.sweep(abs.getParent());
            tmp = Files.createTempFile(abs.getParent(), StaleTemps.tmpPrefix(abs), "");
            try (TempCleanup cleanup = new TempCleanup(tmp)) {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                target.check();
                Path from = tmp;
                cleanup.publish(() -> Files.move(from, abs, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING));
                tmp = null;
            }
        } catch (IOException e) {
            throw new CausalRxException(abs + ": cannot write the " + target.command() + " output (" + e.getMessage()
                    + "); check that the folder is writable", e);
        } finally {
            if (tmp != null) {
                OutputDir.deleteTree(tmp);
            }
        }
    }
}
