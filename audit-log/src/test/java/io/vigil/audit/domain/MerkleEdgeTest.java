package io.vigil.audit.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.vigil.audit.domain.CtTestVectors.HEX;
import static org.assertj.core.api.Assertions.assertThat;

class MerkleEdgeTest {
    static final int MAX_SIZE = 140;
    static final List<byte[]> DATA = NaiveMerkle.sampleLeafData(MAX_SIZE);

    private record Created(int level, long index, String hash) {
    }

    @Test
    void shouldCreateTheNodesMerkleFrontierCreatesAndKeepTheRfcRoot() {
        InMemorySubtrees tree = new InMemorySubtrees();
        MerkleEdge edge = MerkleEdge.empty();
        for (int i = 0; i < MAX_SIZE; i++) {
            byte[] leaf = MerkleHashes.leafHash(DATA.get(i));
            List<Created> expected = MerkleFrontier.nodesAfterAppend(i, leaf, tree).stream()
                    .map(n -> new Created(n.level(), n.index(), HEX.formatHex(n.hash()))).toList();
            tree.addAll(MerkleFrontier.nodesAfterAppend(i, leaf, tree));
            List<Created> created = new ArrayList<>();
            edge.append(leaf, 0, (level, index, hash) -> created.add(new Created(level, index, HEX.formatHex(hash))));
            assertThat(created).as("nodes of leaf %d", i).containsExactlyElementsOf(expected);
            assertThat(edge.size()).isEqualTo(i + 1);
            assertThat(HEX.formatHex(edge.root())).as("root of size %d", i + 1)
                    .isEqualTo(HEX.formatHex(NaiveMerkle.mth(DATA.subList(0, i + 1))));
        }
    }

    @Test
    void shouldReportOnlyTheNodesFromTheLowestLevelAsked() {
        MerkleEdge edge = MerkleEdge.empty();
        List<Created> created = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            edge.append(MerkleHashes.leafHash(DATA.get(i)), 4, (level, index, hash) -> created.add(new Created(level, index, "")));
        }
        assertThat(created).containsExactly(new Created(4, 0, ""), new Created(4, 1, ""), new Created(5, 0, ""),
                new Created(4, 2, ""), new Created(4, 3, ""), new Created(5, 1, ""), new Created(6, 0, ""));
    }

    @Test
    void shouldContinueAnEdgeReadFromStoredSubtreesAsIfItHadGrownThere() {
        InMemorySubtrees stored = InMemorySubtrees.fromLeafHashes(DATA.stream().map(MerkleHashes::leafHash).toList());
        for (int size = 0; size < MAX_SIZE - 5; size += 7) {
            MerkleEdge resumed = MerkleEdge.of(size, stored);
            MerkleEdge copy = resumed.copy();
            for (int i = size; i < size + 5; i++) {
                byte[] leaf = MerkleHashes.leafHash(DATA.get(i));
                resumed.append(leaf, 0, (level, index, hash) ->
                        assertThat(HEX.formatHex(hash)).isEqualTo(HEX.formatHex(stored.perfect(level, index))));
            }
            assertThat(HEX.formatHex(resumed.root())).isEqualTo(HEX.formatHex(NaiveMerkle.mth(DATA.subList(0, size + 5))));
            assertThat(copy.size()).as("a copy does not grow with the original").isEqualTo(size);
            assertThat(HEX.formatHex(copy.root())).isEqualTo(HEX.formatHex(NaiveMerkle.mth(DATA.subList(0, size))));
        }
    }
}
