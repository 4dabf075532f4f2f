package io.vigil.audit.domain;

import java.util.HexFormat;

/** An entry of the log: a record at its place {@code seq} in the chain, with the hash that binds it to its predecessor. */
public record AuditEntry(long seq, AuditRecord record, int hashVersion, byte[] prevHash, byte[] entryHash) {

    /** Places a record after the entry whose hash is {@code prevHash}. */
    public static AuditEntry chain(long seq, AuditRecord record, byte[] prevHash) {
        return new AuditEntry(seq, record, EntryHash.CURRENT_VERSION, prevHash, EntryHash.compute(EntryHash.CURRENT_VERSION, seq, prevHash, record));
    }

    /** Whether the stored hash is the hash of the stored content. */
    public boolean hashMatches() {
        return java.util.Arrays.equals(entryHash, EntryHash.compute(hashVersion, seq, prevHash, record));
    }

    public String entryHashHex() {
        return HexFormat.of().formatHex(entryHash);
    }

    public String prevHashHex() {
        return HexFormat.of().formatHex(prevHash);
    }
}
