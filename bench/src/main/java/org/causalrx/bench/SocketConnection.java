package org.causalrx.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One persistent HTTP/1.1 keep-alive connection on a plain blocking socket, as light load tools use: each request's
 * bytes (request line, Host, Content-Type, Content-Length, X-API-Key, body) are encoded once; an answer is read by
 * its status line, its headers up to the blank line, and its body (Content-Length or chunked). The connection is
 * opened on first use and again after the server closes it or a request fails. Not thread-safe: one per client
 * thread.
 */
final class SocketConnection implements ServeLoad.Connection {
    private static final int TIMEOUT_MS = 30_000;

    private final InetSocketAddress address;
    private final byte[][] requests;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** Encodes one POST per body to {@code uri}, with {@code apiKey} as X-API-Key. */
    SocketConnection(URI uri, String apiKey, List<byte[]> bodies) {
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.requests = new byte[bodies.size()][];
        for (int i = 0; i < requests.length; i++) {
            byte[] body = bodies.get(i);
            byte[] head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nX-API-Key: "
                    + apiKey + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] req = new byte[head.length + body.length];
            System.arraycopy(head, 0, req, 0, head.length);
            System.arraycopy(body, 0, req, head.length, body.length);
            requests[i] = req;
        }
    }

    /** Posts body {@code i} (modulo the count) and reads the whole answer; its status code. */
    @Override
    public int post(int i) throws IOException {
        try {
            if (socket == null) {
                open();
            }
            out.write(requests[i % requests.length]);
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(address, TIMEOUT_MS);
        s.setSoTimeout(TIMEOUT_MS);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        pos = 0;
        lim = 0;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that failed: nothing more to do
            }
            socket = null;
        }
    }

    /** Status line, headers, body; closes the connection afterwards when the server said Connection: close. */
    private int readResponse() throws IOException {
        int end = lineEnd();
        if (end - pos < 12 || !startsWith(pos, end, "http/1.")) {
            throw new IOException("not an HTTP/1.x status line");
        }
        int status = (buf[pos + 9] - '0') * 100 + (buf[pos + 10] - '0') * 10 + (buf[pos + 11] - '0');
        pos = end + 2;
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (end = lineEnd(); end > pos; end = lineEnd()) {
            if (startsWith(pos, end, "content-length:")) {
                length = Long.parseLong(value(pos + 15, end));
            } else if (startsWith(pos, end, "transfer-encoding:")) {
                chunked = value(pos + 18, end).toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (startsWith(pos, end, "connection:")) {
                closeAfter = value(pos + 11, end).equalsIgnoreCase("close");
            }
            pos = end + 2;
        }
        pos = end + 2;
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size + 2);
            }
            for (end = lineEnd(); end > pos; end = lineEnd()) { // trailers up to the blank line
                pos = end + 2;
            }
            pos = end + 2;
        } else if (length >= 0) {
            skip(length);
        } else {
            throw new IOException("answer without Content-Length or chunked encoding");
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private long chunkSize() throws IOException {
        int end = lineEnd();
        int stop = pos;
        while (stop < end && buf[stop] != ';' && buf[stop] != ' ') {
            stop++;
        }
        long size = Long.parseLong(new String(buf, pos, stop - pos, StandardCharsets.US_ASCII), 16);
        pos = end + 2;
        return size;
    }

    /** The index of the CR of the next CRLF at or after {@code pos}, reading more as needed. */
    private int lineEnd() throws IOException {
        for (int scanned = pos; ; ) {
            for (; scanned + 1 < lim; scanned++) {
                if (buf[scanned] == '\r' && buf[scanned + 1] == '\n') {
                    return scanned;
                }
            }
            int offset = pos;
            fill();
            scanned -= offset - pos;
        }
    }

    /** Reads more bytes after {@code lim}, first moving the unread bytes to the buffer's start. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            throw new IOException("header line longer than " + buf.length + " bytes");
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            throw new EOFException("connection closed by the server");
        }
        lim += n;
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (pos == lim) {
                pos = 0;
                lim = 0;
                fill();
            }
            int take = (int) Math.min(left, lim - pos);
            pos += take;
            left -= take;
        }
    }

    private boolean startsWith(int from, int to, String lowerPrefix) {
        if (to - from < lowerPrefix.length()) {
            return false;
        }
        for (int k = 0; k < lowerPrefix.length(); k++) {
            if (Character.toLowerCase((char) buf[from + k]) != lowerPrefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private String value(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.US_ASCII).strip();
    }
}
