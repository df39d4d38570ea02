package org.causalrx.serve;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.NanoTime;

/**
 * HTTP/1.1 connections whose requests must arrive whole (request line, headers and body) within a deadline counted
 * from the request's first byte. The idle timeout alone cannot stop a client that sends one byte just before each
 * timeout; here, whenever bytes of an unfinished request arrive after its deadline, the request is failed: before
 * its headers are complete Jetty answers 408 and closes the connection (the request never reaches the handlers);
 * during its body the body's read fails as if the client had gone away (the handler answers 408 and scores
 * nothing). A client that stops sending altogether is closed by the idle timeout, so no request holds a connection
 * longer than the deadline plus the idle timeout.
 * <p>
 * Jetty 12.1 has no per-request read deadline of its own; this subclasses its HTTP/1.1 connection ({@code internal}
 * package, public API) to put a deadline-checking parser in place of the plain one.
 */
final class RequestDeadlineConnectionFactory extends HttpConnectionFactory {
    private final long limitNanos;

    /** @param deadline how long a request may take to arrive in full, positive */
    RequestDeadlineConnectionFactory(HttpConfiguration config, Duration deadline) {
        super(config);
        this.limitNanos = deadline.toNanos();
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        DeadlineConnection c = new DeadlineConnection(getHttpConfiguration(), connector, endPoint);
        ((DeadlineParser) c.getParser()).limitNanos = limitNanos;
        c.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(c, connector, endPoint);
    }

    /** Jetty's HTTP/1.1 connection with a {@link DeadlineParser}. */
    private static final class DeadlineConnection extends HttpConnection {
        DeadlineConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            HttpParser plain = super.newHttpParser(compliance);
            DeadlineParser p = new DeadlineParser((HttpParser.RequestHandler) plain.getHandler(),
                    getHttpConfiguration().getRequestHeaderSize(), compliance);
            p.setHeaderCacheSize(plain.getHeaderCacheSize());
            p.setHeaderCacheCaseSensitive(plain.isHeaderCacheCaseSensitive());
            return p;
        }
    }

    /**
     * A request parser that fails the request in progress (status 408) when bytes of it arrive after its deadline.
     * The parser records the time of each request's first byte ({@link #getBeginNanoTime}).
     */
    private static final class DeadlineParser extends HttpParser {
        /** Set by the factory right after construction (the connection's constructor creates the parser). */
        private long limitNanos = Long.MAX_VALUE;

        DeadlineParser(HttpParser.RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
            super(handler, maxHeaderBytes, compliance);
        }

        @Override
        public boolean parseNext(ByteBuffer buffer) {
            State s = getState();
            if (s.ordinal() > State.START.ordinal() && s.ordinal() < State.END.ordinal()
                    && NanoTime.since(getBeginNanoTime()) > limitNanos) {
                BufferUtil.clear(buffer);
                badMessage(new HttpException.RuntimeException(408, "Request Timeout"));
                return false;
            }
            return super.parseNext(buffer);
        }
    }
}
