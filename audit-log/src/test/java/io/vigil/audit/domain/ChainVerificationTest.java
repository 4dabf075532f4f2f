package io.vigil.audit.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerificationTest {
    static final Instant T = Instant.parse("2026-11-22T14:00:00.123456789Z");

    static AuditRecord record(int i, String payload) {
        return new AuditRecord("evt-" + i, "vigil.deploys", 0, i, "vigil.deploy.started.v1", "urn:ci", "dep-" + i,
                "engineer", T, T.plusSeconds(1), payload);
    }

    static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        byte[] prev = EntryHash.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = AuditEntry.chain(i, record(i, "{\"n\":" + i + "}"), prev);
            entries.add(e);
            prev = e.entryHash();
        }
        return entries;
    }

    static ChainVerification.Result verify(List<AuditEntry> entries, long through) {
        ChainVerification v = new ChainVerification(1, EntryHash.GENESIS);
        entries.forEach(v::accept);
        return v.resultThrough(through);
    }

    @Test
    void shouldAcceptAnUntouchedChain() {
        assertThat(verify(chain(5), 5)).isEqualTo(new ChainVerification.Result(true, 5, null, null));
    }

    @Test
    void shouldReportTheFirstEntryWhoseContentChanged() {
        List<AuditEntry> entries = chain(5);
        AuditEntry third = entries.get(2);
        entries.set(2, new AuditEntry(3, record(3, "{\"n\":333}"), 1, third.prevHash(), third.entryHash()));

        ChainVerification.Result result = verify(entries, 5);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBad()).isEqualTo(3L);
        assertThat(result.checked()).isEqualTo(2);
    }

    @Test
    void shouldReportAnEntryRehashedWithoutItsSuccessors() {
        List<AuditEntry> entries = chain(5);
        AuditEntry forged = AuditEntry.chain(3, record(3, "{\"n\":333}"), entries.get(1).entryHash());
        entries.set(2, forged);

        ChainVerification.Result result = verify(entries, 5);

        assertThat(result.firstBad()).isEqualTo(4L);
        assertThat(result.problem()).contains("prev_hash");
    }

    @Test
    void shouldReportAGapAndAMissingTail() {
        List<AuditEntry> entries = chain(5);
        List<AuditEntry> gap = new ArrayList<>(entries);
        gap.remove(1);
        assertThat(verify(gap, 5).firstBad()).isEqualTo(2L);
        assertThat(verify(entries.subList(0, 4), 5).firstBad()).isEqualTo(5L);
    }

    @Test
    void shouldHashEveryFieldAndTellAbsentFromEmpty() {
        AuditRecord base = record(1, "{}");
        byte[] h = EntryHash.compute(1, 1, EntryHash.GENESIS, base);
        List<AuditRecord> variants = List.of(
                new AuditRecord("evt-x", base.topic(), 0, 1, base.type(), base.source(), base.subject(), base.actor(), T, T.plusSeconds(1), "{}"),
                new AuditRecord(base.eventId(), "vigil.other", 0, 1, base.type(), base.source(), base.subject(), base.actor(), T, T.plusSeconds(1), "{}"),
                new AuditRecord(base.eventId(), base.topic(), 1, 1, base.type(), base.source(), base.subject(), base.actor(), T, T.plusSeconds(1), "{}"),
                new AuditRecord(base.eventId(), base.topic(), 0, 2, base.type(), base.source(), base.subject(), base.actor(), T, T.plusSeconds(1), "{}"),
                new AuditRecord(base.eventId(), base.topic(), 0, 1, "t", base.source(), base.subject(), base.actor(), T, T.plusSeconds(1), "{}"),
                new AuditRecord(base.eventId(), base.topic(), 0, 1, base.type(), null, base.subject(), base.actor(), T, T.plusSeconds(1), "{}"),
                new AuditRecord(base.eventId(), base.topic(), 0, 1, base.type(), base.source(), "", base.actor(), T, T.plusSeconds(1), "{}"),
                new AuditRecord(base.eventId(), base.topic(), 0, 1, base.type(), base.source(), base.subject(), null, T, T.plusSeconds(1), "{}"),
                new AuditRecord(base.eventId(), base.topic(), 0, 1, base.type(), base.source(), base.subject(), base.actor(), T.plusNanos(1000), T.plusSeconds(1), "{}"),
                new AuditRecord(base.eventId(), base.topic(), 0, 1, base.type(), base.source(), base.subject(), base.actor(), T, T.plusSeconds(2), "{}"),
                new AuditRecord(base.eventId(), base.topic(), 0, 1, base.type(), base.source(), base.subject(), base.actor(), T, T.plusSeconds(1), "{ }"));
        for (AuditRecord v : variants) {
            assertThat(EntryHash.compute(1, 1, EntryHash.GENESIS, v)).as(v.toString()).isNotEqualTo(h);
        }
        assertThat(EntryHash.compute(1, 2, EntryHash.GENESIS, base)).isNotEqualTo(h);
        // nanoseconds below the database's microseconds do not count
        assertThat(EntryHash.compute(1, 1, EntryHash.GENESIS, new AuditRecord(base.eventId(), base.topic(), 0, 1, base.type(),
                base.source(), base.subject(), base.actor(), T.plusNanos(1), T.plusSeconds(1), "{}"))).isEqualTo(h);
    }
}
