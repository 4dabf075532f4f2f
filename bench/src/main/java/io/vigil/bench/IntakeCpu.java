package io.vigil.bench;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.domain.EntryHash;
import io.vigil.audit.domain.MerkleEdge;
import io.vigil.audit.domain.MerkleHashes;
import io.vigil.events.EventCodec;
import io.vigil.events.Envelope;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Diagnostic: the Java work audit-service does per event, without Kafka or JDBC, on one thread, warmed up:
 * decode the CloudEvent with the SDK (EventCodec.decode, whose data already comes as compact JSON: it is not parsed
 * again), chain it (AuditEntry.chain) and grow the Merkle tree's right edge (MerkleEdge, as MerkleTreeStore.grow),
 * in batches of 5,000 as the service receives them. The service reads structured events in one streaming pass
 * instead of the SDK, so this is a lower bound of its decoding speed and an upper bound of its CPU per event.
 */
final class IntakeCpu {
    private static final int BATCH = 5_000;
    private static final int LOWEST_STORED_LEVEL = 4; // audit-service's MerkleTreeStore

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
        Instant now = Instant.now();
        byte[] prev = EntryHash.GENESIS;
        MerkleEdge edge = MerkleEdge.empty();
        List<byte[]> nodes = new ArrayList<>();
        long seq = 0;
        for (byte[] value : values) {
            Envelope e = codec.decode(headers, value);
            AuditRecord r = new AuditRecord(e.id(), topic, 0, seq, e.type(), e.source().toString(), e.subject(),
                    e.actor(), e.time(), now, e.data());
            AuditEntry entry = AuditEntry.chain(++seq, r, prev);
            prev = entry.entryHash();
            edge.append(MerkleHashes.leafHash(entry.entryHash()), LOWEST_STORED_LEVEL, (level, index, hash) -> nodes.add(hash));
            if (seq % BATCH == 0) {
                nodes.clear(); // what the service writes to merkle_node
            }
        }
    }

    private IntakeCpu() {
    }
}
