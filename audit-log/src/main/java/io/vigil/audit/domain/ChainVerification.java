package io.vigil.audit.domain;

import java.util.Arrays;

/**
 * Checks entries in seq order: each hash matches its content, each prev_hash is its predecessor's hash,
 * and seq has no gap. Pure: feed it entries from the database or from an export.
 */
public final class ChainVerification {
    public record Result(boolean valid, long checked, Long firstBad, String problem) {
    }

    private byte[] expectedPrev;
    private long expectedSeq;
    private long checked;
    private Long firstBad;
    private String problem;

    /** Starts after the entry at {@code seq - 1}, whose hash is {@code prevHash} (GENESIS for seq 1). */
    public ChainVerification(long firstSeq, byte[] prevHash) {
        this.expectedSeq = firstSeq;
        this.expectedPrev = prevHash;
    }

    /** Accepts entries in order; @return false once a bad entry was found */
    public boolean acceptAll(java.util.List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            if (!accept(entry)) {
                return false;
            }
        }
        return true;
    }

    /** @return false once a bad entry was found; later entries are not checked */
    public boolean accept(AuditEntry entry) {
        if (firstBad != null) {
            return false;
        }
        if (entry.seq() != expectedSeq) {
            return fail(expectedSeq, "seq " + expectedSeq + " is missing (next is " + entry.seq() + ")");
        }
        if (expectedPrev != null && !Arrays.equals(entry.prevHash(), expectedPrev)) {
            return fail(entry.seq(), "prev_hash does not match the hash of entry " + (entry.seq() - 1));
        }
        if (!entry.hashMatches()) {
            return fail(entry.seq(), "entry_hash does not match the entry's content");
        }
        checked++;
        expectedSeq++;
        expectedPrev = entry.entryHash();
        return true;
    }

    private boolean fail(long seq, String why) {
        firstBad = seq;
        problem = why;
        return false;
    }

    /** Closes the range: entries up to {@code lastSeq} were expected, so a missing tail is a gap too. */
    public Result resultThrough(long lastSeq) {
        if (firstBad == null && expectedSeq <= lastSeq) {
            fail(expectedSeq, "seq " + expectedSeq + " is missing");
        }
        return result();
    }

    public Result result() {
        return new Result(firstBad == null, checked, firstBad, problem);
    }
}
