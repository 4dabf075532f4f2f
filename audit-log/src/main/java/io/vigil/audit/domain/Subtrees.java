package io.vigil.audit.domain;

/**
 * Read access to the perfect subtrees of the log's Merkle tree: the only nodes whose hash never changes once
 * they exist, which is why they are the ones worth storing. Root and proofs of any tree size are composed
 * from them ({@link MerkleProofs}).
 * <p>
 * Node {@code (level, index)} is the hash of the perfect subtree of height {@code level} covering leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}; level 0 holds the leaf hashes.
 */
public interface Subtrees {
    /**
     * @return the 32-byte hash of the perfect subtree {@code (level, index)}
     * @throws IllegalStateException if that node does not exist (yet)
     */
    byte[] perfect(int level, long index);
}
