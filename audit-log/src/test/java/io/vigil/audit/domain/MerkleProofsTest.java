package io.vigil.audit.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.vigil.audit.domain.CtTestVectors.HEX;
import static io.vigil.audit.domain.CtTestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleProofsTest {
    static final int MAX_SIZE = 70;
    static final List<byte[]> DATA = NaiveMerkle.sampleLeafData(MAX_SIZE);
    // Built from the naive MTH, not from MerkleFrontier, so these tests do not depend on it.
    static final InMemorySubtrees TREE = NaiveMerkle.subtrees(DATA);
    static final InMemorySubtrees CT_TREE = NaiveMerkle.subtrees(CtTestVectors.LEAVES);

    @Test
    void shouldReproduceThePublishedRootsOfTreeSizes1To8() {
        for (int n = 1; n <= 8; n++) {
            assertThat(HEX.formatHex(MerkleProofs.root(n, CT_TREE))).as("size %d", n)
                    .isEqualTo(HEX.formatHex(CtTestVectors.root(n)));
        }
    }

    @Test
    void shouldReturnTheEmptyRootForTheEmptyTreeWithoutReadingNodes() {
        assertThat(HEX.formatHex(MerkleProofs.root(0, (level, index) -> {
            throw new AssertionError("read node " + level + "/" + index);
        }))).isEqualTo(CtTestVectors.EMPTY_ROOT);
    }

    @Test
    void shouldReproduceThePublishedInclusionProofs() {
        for (CtTestVectors.Inclusion v : CtTestVectors.INCLUSION) {
            assertThat(hex(MerkleProofs.inclusion(v.leafIndex(), v.treeSize(), CT_TREE)))
                    .as("leaf %d of %d", v.leafIndex(), v.treeSize()).isEqualTo(hex(v.proof()));
        }
    }

    @Test
    void shouldReproduceThePublishedConsistencyProofs() {
        for (CtTestVectors.Consistency v : CtTestVectors.CONSISTENCY) {
            assertThat(hex(MerkleProofs.consistency(v.first(), v.second(), CT_TREE)))
                    .as("%d -> %d", v.first(), v.second()).isEqualTo(hex(v.proof()));
        }
    }

    @Test
    void shouldMatchTheRfcDefinitionOfTheRootForTreeSizes0To70() {
        for (int n = 0; n <= MAX_SIZE; n++) {
            assertThat(HEX.formatHex(MerkleProofs.root(n, TREE))).as("size %d", n)
                    .isEqualTo(HEX.formatHex(NaiveMerkle.mth(DATA.subList(0, n))));
        }
    }

    @Test
    void shouldProveInclusionOfEveryLeafInTreesOfSize1To70() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 0; m < n; m++) {
                assertThat(hex(MerkleProofs.inclusion(m, n, TREE))).as("leaf %d of %d", m, n)
                        .isEqualTo(hex(NaiveMerkle.path(m, DATA.subList(0, n))));
            }
        }
    }

    @Test
    void shouldProveConsistencyOfEveryPairOfTreeSizesUpTo70() {
        for (int second = 1; second <= MAX_SIZE; second++) {
            for (int first = 1; first <= second; first++) {
                assertThat(hex(MerkleProofs.consistency(first, second, TREE))).as("%d -> %d", first, second)
                        .isEqualTo(hex(NaiveMerkle.proof(first, DATA.subList(0, second))));
            }
        }
    }

    @Test
    void shouldReadOnlyLogarithmicallyManyNodesAndStayVerifiableUpToTheLargestTreeSize() {
        long[] sizes = {2, 3, 1000, (1L << 40) + 12_345, (1L << 62) + 1, Long.MAX_VALUE};
        for (long n : sizes) {
            CountingUniformTree tree = new CountingUniformTree();
            int depth = 64 - Long.numberOfLeadingZeros(n - 1); // ceil(log2 n)
            long bound = 2L * depth + 2;
            byte[] root = MerkleProofs.root(n, tree);
            assertThat(tree.reads).as("root reads, size %d", n).isLessThanOrEqualTo(depth + 1);
            for (long m : new long[] {0, 1 % n, n / 3, n / 2, n - 2, n - 1}) {
                tree.reads = 0;
                List<byte[]> path = MerkleProofs.inclusion(m, n, tree);
                assertThat(tree.reads).as("inclusion reads, leaf %d of %d", m, n).isLessThanOrEqualTo(bound);
                assertThat(MerkleVerifier.verifyInclusion(tree.perfect(0, m), m, n, path, root))
                        .as("inclusion leaf %d of %d", m, n).isTrue();
                long first = m + 1;
                tree.reads = 0;
                List<byte[]> proof = MerkleProofs.consistency(first, n, tree);
                assertThat(tree.reads).as("consistency reads, %d -> %d", first, n).isLessThanOrEqualTo(bound);
                assertThat(MerkleVerifier.verifyConsistency(first, n, MerkleProofs.root(first, tree), root, proof))
                        .as("consistency %d -> %d", first, n).isTrue();
            }
        }
    }

    @Test
    void shouldRejectArgumentsOutsideTheTree() {
        assertThatThrownBy(() -> MerkleProofs.root(-1, TREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("treeSize must be >= 0");
        assertThatThrownBy(() -> MerkleProofs.inclusion(5, 5, TREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leafIndex must be in [0, treeSize)");
        assertThatThrownBy(() -> MerkleProofs.inclusion(-1, 5, TREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1 for treeSize 5");
        assertThatThrownBy(() -> MerkleProofs.inclusion(0, 0, TREE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistency(0, 5, TREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < first <= second");
        assertThatThrownBy(() -> MerkleProofs.consistency(6, 5, TREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first 6, second 5");
    }

    @Test
    void shouldFailWhenTheStoreLacksTheNodesOfTheRequestedTreeSize() {
        assertThatThrownBy(() -> MerkleProofs.root(MAX_SIZE + 1, TREE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no perfect subtree");
    }

    /**
     * A huge but valid tree in which every leaf has the same hash, so that node (L, i) = P_L for all i can be
     * computed without storing 2^63 leaves. Counts reads.
     */
    static final class CountingUniformTree implements Subtrees {
        private final List<byte[]> byLevel = new ArrayList<>(List.of(MerkleHashes.leafHash(new byte[] {42})));
        long reads;

        @Override
        public byte[] perfect(int level, long index) {
            assertThat(index).isLessThanOrEqualTo(Long.MAX_VALUE >>> level);
            reads++;
            while (byLevel.size() <= level) {
                byte[] below = byLevel.get(byLevel.size() - 1);
                byLevel.add(MerkleHashes.nodeHash(below, below));
            }
            return byLevel.get(level);
        }
    }
}
