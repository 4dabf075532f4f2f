package io.vigil.audit.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.vigil.audit.domain.CtTestVectors.HEX;
import static org.assertj.core.api.Assertions.assertThat;

/** Known answers from transparency-dev/merkle rfc6962/rfc6962_test.go (computed there with sha256sum). */
class MerkleHashesTest {

    @Test
    void shouldUseSha256OfTheEmptyStringAsTheEmptyRoot() {
        assertThat(HEX.formatHex(MerkleHashes.EMPTY_ROOT)).isEqualTo(CtTestVectors.EMPTY_ROOT);
    }

    @Test
    void shouldPrefixLeavesWithZeroByte() {
        assertThat(HEX.formatHex(MerkleHashes.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HEX.formatHex(MerkleHashes.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
    }

    @Test
    void shouldPrefixInteriorNodesWithOneByte() {
        byte[] hash = MerkleHashes.nodeHash("N123".getBytes(StandardCharsets.US_ASCII), "N456".getBytes(StandardCharsets.US_ASCII));

        assertThat(HEX.formatHex(hash)).isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void shouldNotLetAnInteriorNodePassAsALeafOfTheConcatenatedChildren() {
        byte[] left = MerkleHashes.leafHash("Hello".getBytes(StandardCharsets.US_ASCII));
        byte[] right = MerkleHashes.leafHash("World".getBytes(StandardCharsets.US_ASCII));
        byte[] concatenated = new byte[64];
        System.arraycopy(left, 0, concatenated, 0, 32);
        System.arraycopy(right, 0, concatenated, 32, 32);

        assertThat(MerkleHashes.nodeHash(left, right))
                .isNotEqualTo(MerkleHashes.leafHash(concatenated))
                .isNotEqualTo(MerkleHashes.nodeHash(right, left));
    }
}
