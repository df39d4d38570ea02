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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.causalrx.util.CausalRxException;

/**
 * The audit trail: one JSON line per answered recommendation request, appended and hash-chained as
 * {@link AuditVerifier} checks. Opening an existing log verifies its chain and continues it; a broken chain refuses
 * to open; a new log is created readable by its owner only. {@link #append} returns only once the line is
 * written (and, with {@code fsync}, on disk); when writing fails it cuts the file back to its last whole record and
 * throws, so the caller can refuse to answer.
 * <p>
 * Thread-safe, with group commit: callers that append while a write is in progress queue their records; the next
 * caller to find no write in progress takes every queued record, chains them in queue order, writes them with one
 * write (and one {@code force} with {@code fsync}), and then answers each of their callers. The chain order is the
 * order of the lines in the file. When a group's write fails, every record of the group is cut back and every caller
 * of the group gets the {@link IOException}.
 */
public final class AuditLog implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final boolean fsync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Records waiting for a writer; guarded by {@code lock}. */
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** A caller is writing a group; guarded by {@code lock}. */
    private boolean writing;
    /** Records in the file and the last one's hash; changed only by the writing caller, read under {@code lock}. */
    private long seq;
    private String prevHash;
    private volatile boolean failing;

    /** One record on its way to the file: its JSON fields but {@code seq} and {@code prev_hash}, and its outcome. */
    private static final class Pending {
        final String fields;
        String hash;
        IOException error;
        boolean done;

        Pending(String fields) {
            this.fields = fields;
        }
    }

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
     * Appends one record; returns its hash once the record is in the file (on disk with {@code fsync}).
     *
     * @throws IOException when the record could not be written in full (the file is cut back to the last record)
     */
    public String append(AuditEntry entry) throws IOException {
        Pending mine = new Pending(entry.fieldsJson());
        List<Pending> group;
        lock.lock();
        try {
            queue.add(mine);
            while (writing && !mine.done) {
                written.awaitUninterruptibly();
            }
            if (mine.done) {
                return outcome(mine);
            }
            writing = true;
            group = new ArrayList<>(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        try {
            write(group);
        } finally {
            lock.lock();
            try {
                for (Pending p : group) {
                    if (!p.done) {
                        p.error = new IOException("the audit write stopped before this record was written");
                        p.done = true;
                        failing = true;
                    }
                }
                writing = false;
                written.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return outcome(mine);
    }

    private static String outcome(Pending p) throws IOException {
        if (p.error != null) {
            throw new IOException(p.error.getMessage(), p.error);
        }
        return p.hash;
    }

    /** Chains and writes one group (only one caller at a time); marks each record done, under the lock. */
    private void write(List<Pending> group) {
        StringBuilder text = new StringBuilder(group.size() * 1024);
        String[] hashes = new String[group.size()];
        String last = prevHash;
        for (int i = 0; i < group.size(); i++) {
            String body = "{\"seq\":" + (seq + i + 1) + "," + group.get(i).fields + ",\"prev_hash\":\"" + last
                    + "\"}";
            last = Json.sha256(body);
            hashes[i] = last;
            text.append(body, 0, body.length() - 1).append(",\"hash\":\"").append(last).append("\"}\n");
        }
        IOException error = null;
        long before = -1;
        try {
            before = channel.size();
            ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            cutBack(before);
            error = e;
        } catch (RuntimeException e) {
            cutBack(before);
            error = new IOException("audit write failed: " + e, e);
        }
        lock.lock();
        try {
            failing = error != null;
            if (error == null) {
                seq += group.size();
                prevHash = last;
            }
            for (int i = 0; i < group.size(); i++) {
                group.get(i).hash = error == null ? hashes[i] : null;
                group.get(i).error = error;
                group.get(i).done = true;
            }
        } finally {
            lock.unlock();
        }
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
    public long records() {
        lock.lock();
        try {
            return seq;
        } finally {
            lock.unlock();
        }
    }

    public Path file() {
        return file;
    }

    /** Waits for a group being written, then closes the file; later appends fail. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            while (writing) {
                written.awaitUninterruptibly();
            }
            channel.close();
        } finally {
            lock.unlock();
        }
    }
}
