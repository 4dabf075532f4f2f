package io.vigil.audit.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Which perfect-subtree nodes come into existence when a leaf is appended. Appending leaf {@code i} creates
 * {@code (0, i)} and, for each level {@code L >= 1} where {@code i + 1} is a multiple of {@code 2^L}, the node
 * {@code (L, (i + 1) / 2^L - 1)} = nodeHash(left child, right child). Only left siblings are read from storage,
 * so an append costs O(log n) reads and at most {@code 1 + log2(i + 1)} writes.
 */
public final class MerkleFrontier {

    /** A perfect-subtree node, see {@link Subtrees}. */
    public record Node(int level, long index, byte[] hash) {
        public Node {
            if (level < 0 || index < 0) {
                throw new IllegalArgumentException("level and index must be >= 0, were " + level + ", " + index);
            }
            hash = MerkleHashes.requireHash(hash, "hash").clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node n && n.level == level && n.index == index && Arrays.equals(n.hash, hash);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "Node[" + level + ", " + index + ", " + HexFormat.of().formatHex(hash) + "]";
        }
    }

    /**
     * The nodes to store after appending leaf {@code leafIndex} (0-based) with hash {@code leafHash}, bottom-up.
     * <p>
     * {@code existing} must hold every node created by the appends of leaves {@code 0 .. leafIndex - 1}.
     * When appending a batch, add each call's result to the {@code Subtrees} view passed to the next call
     * (e.g. a view over the stored nodes plus the not-yet-written ones) before computing the next leaf:
     * leaf {@code i + 1} may need a node that leaf {@code i} created.
     *
     * @throws IllegalStateException (from {@code existing}) if a required earlier node is missing
     */
    public static List<Node> nodesAfterAppend(long leafIndex, byte[] leafHash, Subtrees existing) {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("leafIndex must be >= 0, was " + leafIndex);
        }
        MerkleHashes.requireHash(leafHash, "leafHash");
        List<Node> created = new ArrayList<>();
        byte[] hash = leafHash.clone();
        long index = leafIndex;
        created.add(new Node(0, index, hash));
        // Climb while the node just completed is a right child: its parent's subtree is now complete too.
        for (int level = 1; (index & 1) == 1; level++) {
            byte[] left = existing.perfect(level - 1, index - 1);
            hash = MerkleHashes.nodeHash(left, hash);
            index >>= 1;
            created.add(new Node(level, index, hash));
        }
        return created;
    }

    private MerkleFrontier() {
    }
}
