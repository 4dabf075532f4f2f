package io.vigil.audit.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference implementation for the tests: MTH, PATH and PROOF transcribed literally from the recursive
 * definitions in RFC 6962 §2.1, over leaf data, with its own SHA-256 calls. Deliberately slow and shares no
 * code with the production classes, so that the two can disagree.
 */
final class NaiveMerkle {

    /** MTH(D[n]). */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return sha256(new byte[] {0x00}, d.get(0));
        }
        int k = largestPowerOfTwoSmallerThan(n);
        return sha256(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    static byte[] leafHash(byte[] data) {
        return mth(List.of(data));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        if (n == 1) {
            return new ArrayList<>();
        }
        int k = largestPowerOfTwoSmallerThan(n);
        List<byte[]> p;
        if (m < k) {
            p = path(m, d.subList(0, k));
            p.add(mth(d.subList(k, n)));
        } else {
            p = path(m - k, d.subList(k, n));
            p.add(mth(d.subList(0, k)));
        }
        return p;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        if (m == n) {
            List<byte[]> p = new ArrayList<>();
            if (!b) {
                p.add(mth(d));
            }
            return p;
        }
        int k = largestPowerOfTwoSmallerThan(n);
        List<byte[]> p;
        if (m <= k) {
            p = subproof(m, d.subList(0, k), b);
            p.add(mth(d.subList(k, n)));
        } else {
            p = subproof(m - k, d.subList(k, n), false);
            p.add(mth(d.subList(0, k)));
        }
        return p;
    }

    /** Every perfect subtree over the leaves, each hashed with {@link #mth}. */
    static InMemorySubtrees subtrees(List<byte[]> d) {
        InMemorySubtrees tree = new InMemorySubtrees();
        for (int level = 0; (1 << level) <= d.size(); level++) {
            int width = 1 << level;
            for (int index = 0; (index + 1) * width <= d.size(); index++) {
                tree.add(level, index, mth(d.subList(index * width, (index + 1) * width)));
            }
        }
        return tree;
    }

    /** Leaf data for trees of up to n leaves: the 8 CT vector leaves, then values of varying length. */
    static List<byte[]> sampleLeafData(int n) {
        List<byte[]> data = new ArrayList<>(CtTestVectors.LEAVES.subList(0, Math.min(n, CtTestVectors.LEAVES.size())));
        for (int i = data.size(); i < n; i++) {
            data.add(("audit entry " + i + "x".repeat(i % 7)).getBytes(StandardCharsets.UTF_8));
        }
        return data;
    }

    /** "the largest power of two smaller than n", by counting up rather than by bit tricks. */
    private static int largestPowerOfTwoSmallerThan(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] sha256(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(all.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private NaiveMerkle() {
    }
}
