package io.vigil.audit.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Proofs come from the naive RFC transcription, so the verifier is checked independently of MerkleProofs. */
class MerkleVerifierTest {
    static final int MAX_SIZE = 70;
    static final List<byte[]> DATA = NaiveMerkle.sampleLeafData(MAX_SIZE);
    static final List<byte[]> ROOTS = roots();

    static List<byte[]> roots() {
        List<byte[]> roots = new ArrayList<>();
        for (int n = 0; n <= MAX_SIZE; n++) {
            roots.add(NaiveMerkle.mth(DATA.subList(0, n)));
        }
        return roots;
    }

    static byte[] leaf(long m) {
        return NaiveMerkle.leafHash(DATA.get((int) m));
    }

    static byte[] flipBit(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    static List<byte[]> withFlippedBit(List<byte[]> proof, int element) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flipBit(copy.get(element), 3 + element));
        return copy;
    }

    static List<byte[]> plus(List<byte[]> proof, int at, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(at, extra);
        return copy;
    }

    @Test
    void shouldAcceptThePublishedProofs() {
        for (CtTestVectors.Inclusion v : CtTestVectors.INCLUSION) {
            byte[] leafHash = MerkleHashes.leafHash(CtTestVectors.LEAVES.get((int) v.leafIndex()));
            assertThat(MerkleVerifier.verifyInclusion(leafHash, v.leafIndex(), v.treeSize(), v.proof(),
                    CtTestVectors.root(v.treeSize()))).as("leaf %d of %d", v.leafIndex(), v.treeSize()).isTrue();
        }
        for (CtTestVectors.Consistency v : CtTestVectors.CONSISTENCY) {
            assertThat(MerkleVerifier.verifyConsistency(v.first(), v.second(), CtTestVectors.root(v.first()),
                    CtTestVectors.root(v.second()), v.proof())).as("%d -> %d", v.first(), v.second()).isTrue();
        }
    }

    @Test
    void shouldAcceptEveryInclusionProofInTreesOfSize1To70AndRejectEveryTamperedVariant() {
        for (long n = 1; n <= MAX_SIZE; n++) {
            byte[] root = ROOTS.get((int) n);
            for (long m = 0; m < n; m++) {
                List<byte[]> proof = NaiveMerkle.path((int) m, DATA.subList(0, (int) n));
                byte[] leaf = leaf(m);
                String at = "leaf " + m + " of " + n;
                assertThat(MerkleVerifier.verifyInclusion(leaf, m, n, proof, root)).as(at).isTrue();

                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleVerifier.verifyInclusion(leaf, m, n, withFlippedBit(proof, i), root))
                            .as("%s, bit flipped in proof[%d]", at, i).isFalse();
                }
                for (long wrongIndex : new long[] {m - 1, m + 1, m ^ 2}) {
                    assertThat(MerkleVerifier.verifyInclusion(leaf, wrongIndex, n, proof, root))
                            .as("%s claimed as index %d", at, wrongIndex).isFalse();
                }
                // Sizes whose proofs have another length; n ± 1 can share the same hashing steps (e.g. leaf 0 of 7 and 8).
                for (long wrongSize : new long[] {n * 2, n / 2}) {
                    assertThat(MerkleVerifier.verifyInclusion(leaf, m, wrongSize, proof, root))
                            .as("%s claimed for size %d", at, wrongSize).isFalse();
                }
                assertThat(MerkleVerifier.verifyInclusion(leaf, m, n, proof, flipBit(root, 7))).as(at + ", wrong root").isFalse();
                assertThat(MerkleVerifier.verifyInclusion(flipBit(leaf, 0), m, n, proof, root)).as(at + ", wrong leaf").isFalse();
                assertThat(MerkleVerifier.verifyInclusion(leaf, m, n, plus(proof, proof.size(), root), root))
                        .as(at + ", trailing hash").isFalse();
                assertThat(MerkleVerifier.verifyInclusion(leaf, m, n, plus(proof, 0, root), root))
                        .as(at + ", preceding hash").isFalse();
                if (!proof.isEmpty()) {
                    assertThat(MerkleVerifier.verifyInclusion(leaf, m, n, proof.subList(0, proof.size() - 1), root))
                            .as(at + ", truncated").isFalse();
                }
            }
        }
    }

    @Test
    void shouldAcceptEveryConsistencyProofBetweenTreeSizesUpTo70AndRejectEveryTamperedVariant() {
        for (long second = 1; second <= MAX_SIZE; second++) {
            byte[] root2 = ROOTS.get((int) second);
            for (long first = 1; first <= second; first++) {
                byte[] root1 = ROOTS.get((int) first);
                List<byte[]> proof = NaiveMerkle.proof((int) first, DATA.subList(0, (int) second));
                String at = first + " -> " + second;
                assertThat(MerkleVerifier.verifyConsistency(first, second, root1, root2, proof)).as(at).isTrue();
                if (first == second) {
                    assertThat(MerkleVerifier.verifyConsistency(first, second, root1, flipBit(root2, 1), proof))
                            .as(at + ", different roots").isFalse();
                    assertThat(MerkleVerifier.verifyConsistency(first, second, root1, root2, List.of(root1)))
                            .as(at + ", non-empty proof").isFalse();
                    continue;
                }
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleVerifier.verifyConsistency(first, second, root1, root2, withFlippedBit(proof, i)))
                            .as("%s, bit flipped in proof[%d]", at, i).isFalse();
                }
                for (long wrongFirst : new long[] {first - 1, first + 1, first ^ 2}) {
                    assertThat(MerkleVerifier.verifyConsistency(wrongFirst, second, root1, root2, proof))
                            .as("%s claimed from size %d", at, wrongFirst).isFalse();
                }
                for (long wrongSecond : new long[] {second * 2, second / 2}) {
                    assertThat(MerkleVerifier.verifyConsistency(first, wrongSecond, root1, root2, proof))
                            .as("%s claimed to size %d", at, wrongSecond).isFalse();
                }
                assertThat(MerkleVerifier.verifyConsistency(first, second, flipBit(root1, 9), root2, proof)).as(at + ", wrong first root").isFalse();
                assertThat(MerkleVerifier.verifyConsistency(first, second, root1, flipBit(root2, 9), proof)).as(at + ", wrong second root").isFalse();
                assertThat(MerkleVerifier.verifyConsistency(first, second, root2, root1, proof)).as(at + ", swapped roots").isFalse();
                assertThat(MerkleVerifier.verifyConsistency(first, second, root1, root2, List.of())).as(at + ", empty proof").isFalse();
                assertThat(MerkleVerifier.verifyConsistency(first, second, root1, root2, proof.subList(0, proof.size() - 1)))
                        .as(at + ", truncated").isFalse();
                assertThat(MerkleVerifier.verifyConsistency(first, second, root1, root2, plus(proof, proof.size(), root2)))
                        .as(at + ", trailing hash").isFalse();
                assertThat(MerkleVerifier.verifyConsistency(first, second, root1, root2, plus(proof, 0, root1)))
                        .as(at + ", preceding hash").isFalse();
            }
        }
    }

    @Test
    void shouldRejectMalformedInputInsteadOfThrowing() {
        byte[] root = ROOTS.get(1);
        assertThat(MerkleVerifier.verifyInclusion(leaf(0), 0, 1, List.of(), root)).isTrue();
        assertThat(MerkleVerifier.verifyInclusion(new byte[31], 0, 1, List.of(), root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(leaf(0), 0, 1, List.of(), new byte[0])).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(leaf(0), 0, 0, List.of(), root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(leaf(0), -1, 1, List.of(), root)).isFalse();
        assertThat(MerkleVerifier.verifyInclusion(leaf(0), 0, 2, List.of(new byte[] {1}), ROOTS.get(2))).isFalse();

        List<byte[]> proof = NaiveMerkle.proof(3, DATA.subList(0, 5));
        assertThat(MerkleVerifier.verifyConsistency(3, 5, ROOTS.get(3), ROOTS.get(5), proof)).isTrue();
        assertThat(MerkleVerifier.verifyConsistency(0, 5, ROOTS.get(0), ROOTS.get(5), proof)).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(5, 3, ROOTS.get(5), ROOTS.get(3), proof)).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(3, 5, null, ROOTS.get(5), proof)).isFalse();
        assertThat(MerkleVerifier.verifyConsistency(3, 5, ROOTS.get(3), ROOTS.get(5), plus(proof, 1, new byte[0]))).isFalse();
    }
}
