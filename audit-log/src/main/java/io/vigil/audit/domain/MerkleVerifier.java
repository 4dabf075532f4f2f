package io.vigil.audit.domain;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Proof verification of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), after google/trillian's
 * log verifier. Pure functions of their arguments: no storage. Malformed input (a hash that is not 32 bytes,
 * a size or index out of range, a proof of the wrong length) makes verification fail rather than throw,
 * because proofs come from whoever the verifier does not trust.
 */
public final class MerkleVerifier {

    /** True iff {@code proof} (bottom-up, as from {@link MerkleProofs#inclusion}) links the leaf to {@code root}. */
    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> proof, byte[] root) {
        Objects.requireNonNull(proof, "proof");
        if (leafIndex < 0 || leafIndex >= treeSize || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                // Skip the levels where our node is the last one of its level and so has no sibling.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * True iff {@code proof} (as from {@link MerkleProofs#consistency}) shows the tree of size {@code second} to
     * be an append-only extension of the one of size {@code first}. Requires {@code 0 < first <= second}: every
     * tree extends the empty one, so callers skip the check when they have seen no tree head before.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        Objects.requireNonNull(proof, "proof");
        if (first <= 0 || first > second || !isHash(firstRoot) || !isHash(secondRoot) || !allHashes(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        // A power-of-two old tree is itself a perfect subtree of the new one, so the proof leaves it out.
        boolean firstIsPerfect = Long.bitCount(first) == 1;
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = firstIsPerfect ? firstRoot : proof.get(0);
        byte[] sr = fr;
        for (byte[] c : proof.subList(firstIsPerfect ? 0 : 1, proof.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == MerkleHashes.HASH_LENGTH;
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof.stream().allMatch(MerkleVerifier::isHash);
    }

    private MerkleVerifier() {
    }
}
