package io.vigil.audit.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The hash functions of RFC 6962 / RFC 9162 §2.1 with SHA-256. The distinct prefixes (0x00 for leaves,
 * 0x01 for interior nodes) stop a leaf from being passed off as an interior node (second-preimage attack).
 * <p>
 * The audit log's leaf data for the entry with seq {@code s} is its 32-byte entry_hash, at leaf index {@code s - 1}.
 */
public final class MerkleHashes {
    public static final int HASH_LENGTH = 32;

    /** MTH({}) = SHA-256 of the empty string. Shared array: callers must not modify it. */
    public static final byte[] EMPTY_ROOT = sha256().digest();

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** One digest per thread, reused: appending and verifying hash millions of nodes. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHashes::sha256);

    /** SHA-256(0x00 || leafData). */
    public static byte[] leafHash(byte[] leafData) {
        Objects.requireNonNull(leafData, "leafData");
        MessageDigest digest = DIGEST.get();
        digest.reset();
        digest.update(LEAF_PREFIX);
        digest.update(leafData);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest digest = DIGEST.get();
        digest.reset();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    static byte[] requireHash(byte[] hash, String name) {
        Objects.requireNonNull(hash, name);
        if (hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException(name + " must be " + HASH_LENGTH + " bytes, was " + hash.length);
        }
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private MerkleHashes() {
    }

    /** The root of a perfect subtree from its leaf hashes, whose count must be a power of two. */
    public static byte[] perfectRoot(java.util.List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("a perfect subtree has a power-of-two number of leaves, not " + n);
        }
        java.util.List<byte[]> level = leafHashes;
        while (level.size() > 1) {
            java.util.List<byte[]> up = new java.util.ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(nodeHash(level.get(i), level.get(i + 1)));
            }
            level = up;
        }
        return level.get(0);
    }
}
