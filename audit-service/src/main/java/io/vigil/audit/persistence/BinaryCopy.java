package io.vigil.audit.persistence;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Rows streamed to {@code COPY ... FROM STDIN (FORMAT binary)} through PgJDBC's CopyManager: the server stores
 * them without parsing text or planning one insert per row. Fields are written in the table's binary formats
 * (big-endian; timestamptz as microseconds since 2000-01-01 UTC). Sent in chunks while rows are still being added.
 */
final class BinaryCopy implements AutoCloseable {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final long POSTGRES_EPOCH_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2000-01-01T00:00:00Z"));
    private static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    private byte[] buf = new byte[CHUNK + 64 * 1024];
    private int len;
    private boolean done;

    private BinaryCopy(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY table (columns) FROM STDIN (FORMAT binary)} on the connection. */
    static BinaryCopy into(Connection c, String table, String columns) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)");
        BinaryCopy copy = new BinaryCopy(in);
        copy.bytes(HEADER, 0, HEADER.length);
        return copy;
    }

    BinaryCopy row(int fields) throws SQLException {
        if (len >= CHUNK) {
            flush();
        }
        ensure(2); // a row starts with its field count, a bare int16
        buf[len++] = (byte) (fields >>> 8);
        buf[len++] = (byte) fields;
        return this;
    }

    BinaryCopy int8(long v) {
        ensure(12);
        putInt(8);
        putLong(v);
        return this;
    }

    BinaryCopy int4(int v) {
        ensure(8);
        putInt(4);
        putInt(v);
        return this;
    }

    BinaryCopy smallint(int v) {
        ensure(6);
        putInt(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    BinaryCopy text(String v) {
        return v == null ? nul() : bytea(v.getBytes(StandardCharsets.UTF_8));
    }

    /** A text value given as its UTF-8 bytes (text's binary format is the bytes themselves). */
    BinaryCopy utf8(byte[] v) {
        return bytea(v);
    }

    BinaryCopy bytea(byte[] v) {
        if (v == null) {
            return nul();
        }
        ensure(4 + v.length);
        putInt(v.length);
        System.arraycopy(v, 0, buf, len, v.length);
        len += v.length;
        return this;
    }

    BinaryCopy timestamptz(Instant v) {
        if (v == null) {
            return nul();
        }
        return int8(ChronoUnit.MICROS.between(Instant.EPOCH, v) - POSTGRES_EPOCH_MICROS);
    }

    BinaryCopy nul() {
        ensure(4);
        putInt(-1);
        return this;
    }

    /** Sends the trailer and ends the COPY; the server's verdict (e.g. a unique violation) is thrown here. */
    long finish() throws SQLException {
        ensure(2);
        buf[len++] = (byte) 0xFF;
        buf[len++] = (byte) 0xFF;
        flush();
        done = true;
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        if (len > 0) {
            copy.writeToCopy(buf, 0, len);
            len = 0;
        }
    }

    private void bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void putInt(int v) {
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    /** An unfinished COPY (an exception while adding rows) is cancelled, so the connection can roll back. */
    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
