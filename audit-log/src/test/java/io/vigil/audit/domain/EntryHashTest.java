package io.vigil.audit.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hash follows the documented layout (audit-service/README.md), written out here independently. */
class EntryHashTest {

    static byte[] documentedLayout(long seq, byte[] prev, AuditRecord r) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeLong(seq);
        out.write(prev);
        str(out, r.eventId());
        str(out, r.topic());
        out.writeInt(r.partition());
        out.writeLong(r.offset());
        str(out, r.type());
        str(out, r.source());
        str(out, r.subject());
        str(out, r.actor());
        out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, r.occurredAt()));
        out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, r.recordedAt()));
        str(out, r.payload());
        return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    }

    static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(0xFFFFFFFF);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    @Test
    void shouldHashTheDocumentedByteLayout() throws Exception {
        byte[] prev = new byte[32];
        prev[0] = 7;
        AuditRecord r = new AuditRecord("evt-ü", "vigil.deploys", 2, 1L << 40, "vigil.deploy.started.v1", null, "dep-1",
                "engineer", Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2026-11-22T14:00:00.123456Z"), "{\"k\":\"ä€\"}");

        assertThat(EntryHash.compute(1, 42, prev, r)).isEqualTo(documentedLayout(42, prev, r));
    }

    @Test
    void shouldRefuseAnUnknownVersionOrABadPreviousHash() {
        AuditRecord r = new AuditRecord("e", "t", 0, 0, "x", null, null, null, Instant.EPOCH, Instant.EPOCH, "{}");
        assertThatThrownBy(() -> EntryHash.compute(2, 1, EntryHash.GENESIS, r)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryHash.compute(1, 1, new byte[31], r)).isInstanceOf(IllegalArgumentException.class);
    }
}
