package io.vigil.audit.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The perfect subtrees that make up a tree of a given size, largest first: one per set bit of the size.
 * They are all an append needs to know of the existing tree, so an appender loads just these.
 */
public final class RightEdge {
    public record Position(int level, long index) {
    }

    public static List<Position> of(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + treeSize);
        }
        List<Position> positions = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            long width = 1L << level;
            if ((treeSize & width) != 0) {
                positions.add(new Position(level, start >> level));
                start += width;
            }
        }
        return positions;
    }

    private RightEdge() {
    }
}
