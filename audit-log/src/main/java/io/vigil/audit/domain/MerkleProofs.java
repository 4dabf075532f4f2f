package io.vigil.audit.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tree head, inclusion proof and consistency proof of RFC 6962 §2.1 for any tree size, composed from stored
 * perfect subtrees with O(log n) node reads.
 * <p>
 * Every range D[a:b) the RFC recursion visits starts at a multiple of the largest power of two not below its
 * length, so it splits into perfect subtrees of sizes given by the bits of {@code b - a}, high to low
 * ({@link #rangeHash}). Proofs are built top-down and returned bottom-up (leaf side first), as in the RFC.
 */
public final class MerkleProofs {

    /** MTH(D[treeSize]); {@link MerkleHashes#EMPTY_ROOT} for the empty tree. */
    public static byte[] root(long treeSize, Subtrees tree) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be >= 0, was " + treeSize);
        }
        return treeSize == 0 ? MerkleHashes.EMPTY_ROOT.clone() : rangeHash(0, treeSize, tree);
    }

    /** PATH(leafIndex, D[treeSize]), RFC 6962 §2.1.1. Requires 0 <= leafIndex < treeSize. */
    public static List<byte[]> inclusion(long leafIndex, long treeSize, Subtrees tree) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException(
                    "leafIndex must be in [0, treeSize), was " + leafIndex + " for treeSize " + treeSize);
        }
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long end = treeSize;
        while (end - start > 1) {
            long k = Long.highestOneBit(end - start - 1);
            if (leafIndex < start + k) {
                topDown.add(rangeHash(start + k, end, tree));
                end = start + k;
            } else {
                topDown.add(perfect(start, k, tree));
                start += k;
            }
        }
        Collections.reverse(topDown);
        return topDown;
    }

    /** PROOF(first, D[second]), RFC 6962 §2.1.2. Requires 0 < first <= second; empty when they are equal. */
    public static List<byte[]> consistency(long first, long second, Subtrees tree) {
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException(
                    "consistency needs 0 < first <= second, was first " + first + ", second " + second);
        }
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long end = second;
        boolean wholeOldTree = true; // SUBPROOF's flag b: the verifier already knows MTH(D[first]) itself
        while (first != end) {
            long k = Long.highestOneBit(end - start - 1);
            if (first <= start + k) {
                topDown.add(rangeHash(start + k, end, tree));
                end = start + k;
            } else {
                topDown.add(perfect(start, k, tree));
                start += k;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            topDown.add(rangeHash(start, end, tree));
        }
        Collections.reverse(topDown);
        return topDown;
    }

    /** MTH(D[start:end]) for a range whose start is aligned as described in the class comment. */
    private static byte[] rangeHash(long start, long end, Subtrees tree) {
        List<byte[]> parts = new ArrayList<>();
        for (long offset = start, rest = end - start; rest > 0; ) {
            long size = Long.highestOneBit(rest);
            parts.add(perfect(offset, size, tree));
            offset += size;
            rest -= size;
        }
        // MTH splits off the largest perfect subtree on the left, so the parts fold from the right.
        byte[] hash = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = MerkleHashes.nodeHash(parts.get(i), hash);
        }
        return hash;
    }

    private static byte[] perfect(long start, long size, Subtrees tree) {
        int level = Long.numberOfTrailingZeros(size);
        return tree.perfect(level, start >>> level);
    }

    private MerkleProofs() {
    }
}
