package io.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.domain.EntryHash;
import io.vigil.audit.domain.InMemorySubtrees;
import io.vigil.audit.domain.MerkleFrontier;
import io.vigil.audit.domain.MerkleHashes;
import io.vigil.audit.domain.RightEdge;
import io.vigil.events.EventCodec;
import io.vigil.events.Envelope;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostic: the Java work audit-service does per event, without Kafka or JDBC, on one thread, warmed up:
 * decode the CloudEvent (AuditIntake: EventCodec.decode, data parsed and written back), chain it
 * (AuditEntry.chain) and compute its Merkle nodes over the right edge (MerkleTreeStore.grow), in batches of
 * 2,000 as the service receives them. Its rate bounds the service's single appending thread from above.
 */
final class IntakeCpu {
    private static final int BATCH = 2_000;

    static double eventsPerSecond(Workload workload, EventCodec codec, int n, String topic) {
        List<byte[]> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(codec.encode(workload.event(i)));
        }
        Headers headers = new RecordHeaders().add("content-type",
                EventCodec.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        pass(values.subList(0, Math.min(n, 20_000)), headers, codec, topic); // warm-up
        long t0 = System.nanoTime();
        pass(values, headers, codec, topic);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static void pass(List<byte[]> values, Headers headers, EventCodec codec, String topic) {
        ObjectMapper json = codec.json();
        Instant now = Instant.now();
        byte[] prev = EntryHash.GENESIS;
        InMemorySubtrees edge = new InMemorySubtrees();
        long seq = 0;
        for (byte[] value : values) {
            Envelope e = codec.decode(headers, value);
            AuditRecord r = new AuditRecord(e.id(), topic, 0, seq, e.type(), e.source().toString(), e.subject(),
                    e.actor(), e.time(), now, normalised(json, e.data()));
            AuditEntry entry = AuditEntry.chain(++seq, r, prev);
            prev = entry.entryHash();
            edge.addAll(MerkleFrontier.nodesAfterAppend(seq - 1, MerkleHashes.leafHash(entry.entryHash()), edge));
            if (seq % BATCH == 0) {
                InMemorySubtrees kept = new InMemorySubtrees(); // what the next batch reads from merkle_node
                for (RightEdge.Position p : RightEdge.of(seq)) {
                    kept.add(p.level(), p.index(), edge.perfect(p.level(), p.index()));
                }
                edge = kept;
            }
        }
    }

    private static String normalised(ObjectMapper json, byte[] data) {
        try {
            return json.readTree(data).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IntakeCpu() {
    }
}
