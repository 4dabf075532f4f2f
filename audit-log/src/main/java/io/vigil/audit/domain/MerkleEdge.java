package io.vigil.audit.domain;

/**
 * The right edge of a growing Merkle tree: for a tree of {@code size} leaves, the root of each perfect subtree
 * of its decomposition (one per set bit of the size, see {@link RightEdge}). That is all appending needs: leaf
 * {@code i}'s new nodes pair it with the edge's subtrees of the levels where {@code i} has trailing ones, exactly
 * the nodes {@link MerkleFrontier#nodesAfterAppend} creates, without a map or copies of the hashes.
 * <p>
 * Not thread-safe; {@link #copy()} before handing one to another appender.
 */
public final class MerkleEdge {
    /** Receives each node an append completes, bottom-up; the hash array is the edge's own, not to be modified. */
    @FunctionalInterface
    public interface NodeSink {
        void node(int level, long index, byte[] hash);
    }

    private long size;
    private final byte[][] byLevel;

    private MerkleEdge(long size, byte[][] byLevel) {
        this.size = size;
        this.byLevel = byLevel;
    }

    /** The edge of an empty tree. */
    public static MerkleEdge empty() {
        return new MerkleEdge(0, new byte[64][]);
    }

    /** The edge of a tree of {@code size} leaves, read from its perfect subtrees (at most 63 reads). */
    public static MerkleEdge of(long size, Subtrees subtrees) {
        MerkleEdge edge = new MerkleEdge(size, new byte[64][]);
        for (RightEdge.Position p : RightEdge.of(size)) {
            edge.byLevel[p.level()] = MerkleHashes.requireHash(subtrees.perfect(p.level(), p.index()), "subtree").clone();
        }
        return edge;
    }

    public long size() {
        return size;
    }

    /**
     * Appends the leaf {@code size} with hash {@code leafHash}; every node it completes at {@code minLevel} or above
     * (the leaf itself is level 0) goes to {@code sink}, bottom-up, as MerkleFrontier.nodesAfterAppend lists them.
     */
    public void append(byte[] leafHash, int minLevel, NodeSink sink) {
        MerkleHashes.requireHash(leafHash, "leafHash");
        long index = size;
        byte[] hash = leafHash;
        int level = 0;
        if (minLevel <= 0) {
            sink.node(0, index, hash);
        }
        while ((index & 1) == 1) { // a right child: its parent's subtree is complete
            hash = MerkleHashes.nodeHash(byLevel[level], hash);
            byLevel[level] = null;
            level++;
            index >>= 1;
            if (level >= minLevel) {
                sink.node(level, index, hash);
            }
        }
        byLevel[level] = hash;
        size++;
    }

    /** The root of the tree of {@link #size()} leaves (RFC 6962 MTH): the edge's subtrees folded from the right. */
    public byte[] root() {
        byte[] root = null;
        for (int level = 0; level < byLevel.length; level++) {
            if (byLevel[level] != null) {
                root = root == null ? byLevel[level] : MerkleHashes.nodeHash(byLevel[level], root);
            }
        }
        return root == null ? MerkleHashes.EMPTY_ROOT.clone() : root.clone();
    }

    public MerkleEdge copy() {
        return new MerkleEdge(size, byLevel.clone());
    }
}
