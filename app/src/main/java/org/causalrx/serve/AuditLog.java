package org.causalrx.serve;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.causalrx.util.CausalRxException;

/**
 * The audit trail: one JSON line per answered recommendation request, appended and hash-chained as
 * {@link AuditVerifier} checks. Opening an existing log verifies its chain and continues it; a broken chain refuses
 * to open; a new log is created readable by its owner only. {@link #append} returns only once the line is
 * written (and, with {@code fsync}, on disk); when writing fails it cuts the file back to its last whole record and
 * throws, so the caller can refuse to answer.
 * Thread-safe: appends are serialized.
 */
public final class AuditLog implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final boolean fsync;
    private long seq;
    private String prevHash;
    private volatile boolean failing;

    private AuditLog(Path file, FileChannel channel, boolean fsync, long seq, String prevHash) {
        this.file = file;
        this.channel = channel;
        this.fsync = fsync;
        this.seq = seq;
        this.prevHash = prevHash;
    }

    /**
     * Opens {@code file} for appending, creating it when absent.
     *
     * @param fsync force every record to disk before answering (slower; survives a power cut)
     * @throws CausalRxException when the file cannot be opened for appending, or its chain is broken
     */
    public static AuditLog open(Path file, boolean fsync) {
        AuditVerifier.Report r = Files.isRegularFile(file) ? AuditVerifier.verify(file)
                : new AuditVerifier.Report(0, AuditVerifier.GENESIS, null);
        if (!r.intact()) {
            throw new CausalRxException(file + " line " + r.firstBreak().line() + ": the audit log's chain is broken ("
                    + r.firstBreak().what() + "); keep this file for investigation and start with a new --audit file");
        }
        try {
            if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // the records hold patient ids and recommendations: readable by the owner only
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------")));
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new AuditLog(file, ch, fsync, r.records(), r.lastHash());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new CausalRxException(file + ": cannot open the audit log for appending (" + e.getMessage()
                    + "); the service does not answer without one. Pass a writable --audit file", e);
        }
    }

    /**
     * Appends one record; returns its hash.
     *
     * @throws IOException when the record could not be written in full (the file is cut back to the last record)
     */
    public synchronized String append(AuditEntry entry) throws IOException {
        String body = Json.write(entry.toJson(seq + 1, prevHash));
        String hash = Json.sha256(body);
        byte[] line = (body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        long before = -1;
        try {
            before = channel.size();
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            failing = true;
            cutBack(before);
            throw e;
        }
        failing = false;
        seq++;
        prevHash = hash;
        return hash;
    }

    private void cutBack(long size) {
        try {
            if (size >= 0 && channel.size() > size) {
                channel.truncate(size);
            }
        } catch (IOException | RuntimeException e) {
            // the next open's chain check reports the cut-short record
        }
    }

    /** Whether the last append failed. */
    public boolean failing() {
        return failing;
    }

    /** Records in the log. */
    public synchronized long records() {
        return seq;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
