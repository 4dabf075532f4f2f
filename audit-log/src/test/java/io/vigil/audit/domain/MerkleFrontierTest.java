package io.vigil.audit.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.vigil.audit.domain.CtTestVectors.HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class MerkleFrontierTest {
    static final int MAX_SIZE = 70;
    static final List<byte[]> DATA = NaiveMerkle.sampleLeafData(MAX_SIZE);

    @Test
    void shouldYieldTheRfcRootAfterEachOfTheFirst70Appends() {
        InMemorySubtrees tree = new InMemorySubtrees();
        for (int i = 0; i < MAX_SIZE; i++) {
            tree.addAll(MerkleFrontier.nodesAfterAppend(i, MerkleHashes.leafHash(DATA.get(i)), tree));
            int n = i + 1;
            assertThat(HEX.formatHex(MerkleProofs.root(n, tree))).as("size %d", n)
                    .isEqualTo(HEX.formatHex(NaiveMerkle.mth(DATA.subList(0, n))));
            // A tree of n leaves has exactly 2n - popcount(n) perfect subtrees.
            assertThat(tree.nodeCount()).as("nodes at size %d", n).isEqualTo(2 * n - Integer.bitCount(n));
        }
    }

    @Test
    void shouldStoreExactlyThePerfectSubtreesOfTheRfcTree() {
        InMemorySubtrees built = InMemorySubtrees.fromLeafHashes(DATA.stream().map(MerkleHashes::leafHash).toList());
        for (int level = 0; (1 << level) <= MAX_SIZE; level++) {
            int width = 1 << level;
            for (int index = 0; (index + 1) * width <= MAX_SIZE; index++) {
                assertThat(HEX.formatHex(built.perfect(level, index))).as("node %d/%d", level, index)
                        .isEqualTo(HEX.formatHex(NaiveMerkle.mth(DATA.subList(index * width, (index + 1) * width))));
            }
        }
    }

    @Test
    void shouldCreateTheLeafAndEveryAncestorCompletedByTheAppend() {
        InMemorySubtrees tree = InMemorySubtrees.fromLeafHashes(
                DATA.subList(0, 7).stream().map(MerkleHashes::leafHash).toList());

        List<MerkleFrontier.Node> nodes = MerkleFrontier.nodesAfterAppend(7, MerkleHashes.leafHash(DATA.get(7)), tree);

        assertThat(nodes).extracting(MerkleFrontier.Node::level, MerkleFrontier.Node::index)
                .containsExactly(tuple(0, 7L), tuple(1, 3L),
                        tuple(2, 1L), tuple(3, 0L));
        assertThat(HEX.formatHex(nodes.get(3).hash())).isEqualTo(HEX.formatHex(CtTestVectors.root(8)));
        assertThat(MerkleFrontier.nodesAfterAppend(8, MerkleHashes.leafHash(DATA.get(8)), tree)).hasSize(1);
    }

    @Test
    void shouldAppendABatchThroughAViewThatSeesTheBatchsOwnNodes() {
        InMemorySubtrees committed = InMemorySubtrees.fromLeafHashes(
                DATA.subList(0, 5).stream().map(MerkleHashes::leafHash).toList());
        // The caller's view: stored nodes plus the nodes of this batch not yet written (as a DB transaction would).
        Map<String, byte[]> pending = new HashMap<>();
        Subtrees view = (level, index) -> {
            byte[] hash = pending.get(level + "/" + index);
            return hash != null ? hash : committed.perfect(level, index);
        };
        List<MerkleFrontier.Node> toWrite = new ArrayList<>();
        for (int i = 5; i < 40; i++) {
            for (MerkleFrontier.Node node : MerkleFrontier.nodesAfterAppend(i, MerkleHashes.leafHash(DATA.get(i)), view)) {
                pending.put(node.level() + "/" + node.index(), node.hash());
                toWrite.add(node);
            }
        }
        committed.addAll(toWrite);

        assertThat(HEX.formatHex(MerkleProofs.root(40, committed)))
                .isEqualTo(HEX.formatHex(NaiveMerkle.mth(DATA.subList(0, 40))));
    }

    @Test
    void shouldFailWhenAnEarlierAppendsNodesWereNotStored() {
        InMemorySubtrees tree = new InMemorySubtrees();
        MerkleFrontier.nodesAfterAppend(0, MerkleHashes.leafHash(DATA.get(0)), tree); // result dropped

        assertThatThrownBy(() -> MerkleFrontier.nodesAfterAppend(1, MerkleHashes.leafHash(DATA.get(1)), tree))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("level 0, index 0");
    }

    @Test
    void shouldRejectANegativeIndexOrAHashThatIsNot32Bytes() {
        InMemorySubtrees tree = new InMemorySubtrees();
        assertThatThrownBy(() -> MerkleFrontier.nodesAfterAppend(-1, new byte[32], tree))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leafIndex must be >= 0");
        assertThatThrownBy(() -> MerkleFrontier.nodesAfterAppend(0, new byte[31], tree))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leafHash must be 32 bytes");
    }
}
