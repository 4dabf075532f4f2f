package io.vigil.audit.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The root hash of the first {@code treeSize} audit entries at a point in time. The timestamp is truncated to
 * microseconds because that is the precision that gets signed ({@link TreeHeadSigner}): two heads that sign
 * identically are equal.
 */
public record TreeHead(long treeSize, byte[] rootHash, Instant timestamp) {
    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0, was " + treeSize);
        }
        rootHash = MerkleHashes.requireHash(rootHash, "rootHash").clone();
        timestamp = Objects.requireNonNull(timestamp, "timestamp").truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeHead h && h.treeSize == treeSize && Arrays.equals(h.rootHash, rootHash)
                && h.timestamp.equals(timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(treeSize, Arrays.hashCode(rootHash), timestamp);
    }

    @Override
    public String toString() {
        return "TreeHead[treeSize=" + treeSize + ", rootHash=" + HexFormat.of().formatHex(rootHash)
                + ", timestamp=" + timestamp + "]";
    }
}
