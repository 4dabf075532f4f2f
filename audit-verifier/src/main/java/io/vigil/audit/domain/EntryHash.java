package io.vigil.audit.domain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * entry_hash = SHA-256 over a fixed, versioned, length-prefixed byte layout (big-endian), version 1:
 * <pre>
 *   u8   hash version (1)
 *   u64  seq
 *   32 B prev_hash (all zero before the first entry)
 *   str  event_id, topic
 *   u32  kafka partition
 *   u64  kafka offset
 *   str  type, source, subject, actor
 *   i64  occurred_at, recorded_at (microseconds since the epoch, UTC)
 *   str  payload
 * where str = u32 byte length + UTF-8 bytes, or u32 0xFFFFFFFF for an absent value.
 * </pre>
 * Documented in audit-service/README.md so that a third party can re-implement the check.
 */
public final class EntryHash {
    public static final int CURRENT_VERSION = 1;
    public static final int LENGTH = 32;
    public static final byte[] GENESIS = new byte[LENGTH];
    private static final int ABSENT = 0xFFFFFFFF;

    public static byte[] compute(int version, long seq, byte[] prevHash, AuditRecord r) {
        if (version != 1) {
            throw new IllegalArgumentException("unknown hash version " + version);
        }
        if (prevHash.length != LENGTH) {
            throw new IllegalArgumentException("prev_hash must be 32 bytes");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (r.payload() == null ? 0 : r.payload().length() * 2));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            out.writeLong(seq);
            out.write(prevHash);
            string(out, r.eventId());
            string(out, r.topic());
            out.writeInt(r.partition());
            out.writeLong(r.offset());
            string(out, r.type());
            string(out, r.source());
            string(out, r.subject());
            string(out, r.actor());
            out.writeLong(Micros.of(r.occurredAt()));
            out.writeLong(Micros.of(r.recordedAt()));
            string(out, r.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256().digest(bytes.toByteArray());
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(ABSENT);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private EntryHash() {
    }
}
