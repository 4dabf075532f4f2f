package io.vigil.audit.domain;

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
        // fed straight into a reused digest: verifying a large log hashes millions of entries
        Digest d = DIGEST.get();
        d.sha.reset();
        d.sha.update((byte) version);
        d.writeLong(seq);
        d.sha.update(prevHash);
        d.writeString(r.eventId());
        d.writeString(r.topic());
        d.writeInt(r.partition());
        d.writeLong(r.offset());
        d.writeString(r.type());
        d.writeString(r.source());
        d.writeString(r.subject());
        d.writeString(r.actor());
        d.writeLong(Micros.of(r.occurredAt()));
        d.writeLong(Micros.of(r.recordedAt()));
        d.writeBytes(r.payloadUtf8());
        return d.sha.digest();
    }

    private static final ThreadLocal<Digest> DIGEST = ThreadLocal.withInitial(Digest::new);

    /** A SHA-256 digest with the big-endian, length-prefixed writes of the layout above. */
    private static final class Digest {
        final MessageDigest sha = sha256();
        final byte[] scratch = new byte[8];

        void writeInt(int v) {
            for (int i = 0; i < 4; i++) {
                scratch[i] = (byte) (v >>> (24 - 8 * i));
            }
            sha.update(scratch, 0, 4);
        }

        void writeLong(long v) {
            for (int i = 0; i < 8; i++) {
                scratch[i] = (byte) (v >>> (56 - 8 * i));
            }
            sha.update(scratch, 0, 8);
        }

        void writeString(String value) {
            if (value == null) {
                writeInt(ABSENT);
                return;
            }
            writeBytes(value.getBytes(StandardCharsets.UTF_8));
        }

        /** A str of the layout given as its UTF-8 bytes. */
        void writeBytes(byte[] utf8) {
            if (utf8 == null) {
                writeInt(ABSENT);
                return;
            }
            writeInt(utf8.length);
            sha.update(utf8);
        }
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
