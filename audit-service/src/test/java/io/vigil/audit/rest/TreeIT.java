package io.vigil.audit.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.audit.domain.MerkleVerifier;
import io.vigil.audit.domain.TreeHead;
import io.vigil.audit.domain.TreeHeadSigner;
import io.vigil.events.EventCodec;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Signed tree heads and proofs from the service check out with the pure verifier, as an auditor would check them. */
@QuarkusTest
class TreeIT {
    static final HexFormat HEX = HexFormat.of();
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;

    JsonPath get(String path, Object... params) {
        var request = given().auth().oauth2(Tokens.of("auditor"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    long logSize() {
        return get("/audit/tree-head").getLong("treeSize");
    }

    void publish(int n) throws Exception {
        long before = logSize();
        for (int i = 0; i < n; i++) {
            String id = "dep-" + UUID.randomUUID();
            Instant at = Instant.parse("2026-11-22T14:00:00Z");
            producer.send(codec.toRecord(VigilEvent.of(URI.create("https://ci.example.com"), id, at, "ci-publisher", null, null,
                    new DeployStarted(id, "checkout", "1.0.0", "production", "engineer", "https://git.example.com/pr/1", true,
                            "https://git.example.com/rollback", at)))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> logSize() >= before + n);
    }

    @Test
    void shouldSignTheTreeHeadWithTheServedKey() throws Exception {
        publish(3);
        JsonPath head = get("/audit/tree-head");
        JsonPath key = get("/audit/public-key");

        TreeHead treeHead = new TreeHead(head.getLong("treeSize"), HEX.parseHex(head.getString("rootHash")), Instant.parse(head.getString("timestamp")));
        assertThat(head.getString("keyId")).isEqualTo(key.getString("keyId"));
        assertThat(TreeHeadSigner.verify(treeHead, Base64.getDecoder().decode(head.getString("signature")),
                TreeHeadSigner.publicKeyFromX509Base64(key.getString("publicKey")))).isTrue();
        // the same size is signed once
        assertThat(get("/audit/tree-head").getString("signature")).isEqualTo(head.getString("signature"));
    }

    @Test
    void shouldProveEveryEntryIncludedInTheSignedTree() throws Exception {
        publish(5);
        JsonPath head = get("/audit/tree-head");
        long size = head.getLong("treeSize");
        for (long seq : List.of(1L, size / 2 + 1, size)) {
            JsonPath proof = get("/audit/proofs/inclusion", "seq", seq, "treeSize", size);
            byte[] entryHash = HEX.parseHex(get("/audit/entries/" + seq).getString("entryHash"));
            assertThat(proof.getString("leafHash")).isEqualTo(HEX.formatHex(io.vigil.audit.domain.MerkleHashes.leafHash(entryHash)));
            assertThat(MerkleVerifier.verifyInclusion(HEX.parseHex(proof.getString("leafHash")), seq - 1, size,
                    proof.getList("proof", String.class).stream().map(HEX::parseHex).toList(),
                    HEX.parseHex(head.getString("rootHash")))).as("seq %d", seq).isTrue();
        }
    }

    @Test
    void shouldProveAnEarlierTreeHeadConsistentWithTheCurrentOne() throws Exception {
        publish(2);
        JsonPath earlier = get("/audit/tree-head");
        publish(3);
        JsonPath later = get("/audit/tree-head");

        JsonPath proof = get("/audit/proofs/consistency", "first", earlier.getLong("treeSize"), "second", later.getLong("treeSize"));

        assertThat(proof.getString("firstRoot")).isEqualTo(earlier.getString("rootHash"));
        assertThat(MerkleVerifier.verifyConsistency(earlier.getLong("treeSize"), later.getLong("treeSize"),
                HEX.parseHex(earlier.getString("rootHash")), HEX.parseHex(later.getString("rootHash")),
                proof.getList("proof", String.class).stream().map(HEX::parseHex).toList())).isTrue();
    }

    @Test
    void shouldRefuseProofsOutsideTheTree() {
        given().auth().oauth2(Tokens.of("auditor")).queryParam("seq", 0).get("/audit/proofs/inclusion")
                .then().statusCode(400).body("errors[0].field", equalTo("seq"));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("first", 1).queryParam("second", Long.MAX_VALUE).get("/audit/proofs/consistency")
                .then().statusCode(400).body("errors[0].field", equalTo("second"));
        given().auth().oauth2(Tokens.of("engineer")).get("/audit/tree-head").then().statusCode(403);
    }
}
