package io.vigil.audit.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link Subtrees} in a map: for tests, and for the offline verifier that rebuilds the tree from exported entries. */
public final class InMemorySubtrees implements Subtrees {
    private record Position(int level, long index) {
    }

    private final Map<Position, byte[]> nodes = new HashMap<>();

    /** Builds every perfect subtree over the given leaf hashes (leaf index = list position). */
    public static InMemorySubtrees fromLeafHashes(List<byte[]> leafHashes) {
        InMemorySubtrees tree = new InMemorySubtrees();
        for (int i = 0; i < leafHashes.size(); i++) {
            tree.addAll(MerkleFrontier.nodesAfterAppend(i, leafHashes.get(i), tree));
        }
        return tree;
    }

    public void add(int level, long index, byte[] hash) {
        if (level < 0 || index < 0) {
            throw new IllegalArgumentException("level and index must be >= 0, were " + level + ", " + index);
        }
        MerkleHashes.requireHash(hash, "hash");
        nodes.put(new Position(level, index), hash.clone());
    }

    public void addAll(List<MerkleFrontier.Node> newNodes) {
        newNodes.forEach(n -> add(n.level(), n.index(), n.hash()));
    }

    /**
     * Forgets every node but the right edge of a tree of {@code treeSize} leaves: all that appending
     * more leaves and computing the root still need, so memory stays O(log n) over a long export.
     */
    public void keepRightEdgeOf(long treeSize) {
        java.util.Set<Position> edge = new java.util.HashSet<>();
        for (RightEdge.Position p : RightEdge.of(treeSize)) {
            edge.add(new Position(p.level(), p.index()));
        }
        nodes.keySet().retainAll(edge);
    }

    public int nodeCount() {
        return nodes.size();
    }

    @Override
    public byte[] perfect(int level, long index) {
        byte[] hash = nodes.get(new Position(level, index));
        if (hash == null) {
            throw new IllegalStateException("no perfect subtree at level " + level + ", index " + index);
        }
        return hash.clone();
    }
}
