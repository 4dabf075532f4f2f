package io.vigil.audit.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;

import static io.vigil.audit.domain.CtTestVectors.HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeHeadSignerTest {
    static final KeyPair KEYS = TreeHeadSigner.generate();
    static final byte[] ROOT = CtTestVectors.root(8);
    static final Instant T = Instant.parse("2026-11-22T14:00:00.123456Z");
    static final TreeHead HEAD = new TreeHead(8, ROOT, T);

    // RFC 8032 §7.1 TEST 1 key pair, wrapped in the fixed DER prefixes of RFC 8410 (PKCS#8 and SubjectPublicKeyInfo).
    static final String RFC8032_PRIVATE_PKCS8 = "302e020100300506032b657004220420"
            + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC8032_PUBLIC_X509 = "302a300506032b6570032100"
            + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    @Test
    void shouldVerifyWhatItSigned() {
        byte[] signature = TreeHeadSigner.sign(HEAD, KEYS.getPrivate());

        assertThat(signature).hasSize(64);
        assertThat(TreeHeadSigner.verify(HEAD, signature, KEYS.getPublic())).isTrue();
        assertThat(TreeHeadSigner.verify(new TreeHead(8, ROOT.clone(), T), signature, KEYS.getPublic())).isTrue();
    }

    @Test
    void shouldRejectTheSignatureForAnotherSizeRootTimestampOrKey() {
        byte[] signature = TreeHeadSigner.sign(HEAD, KEYS.getPrivate());
        byte[] otherRoot = ROOT.clone();
        otherRoot[31] ^= 1;

        assertThat(TreeHeadSigner.verify(new TreeHead(9, ROOT, T), signature, KEYS.getPublic())).isFalse();
        assertThat(TreeHeadSigner.verify(new TreeHead(8, otherRoot, T), signature, KEYS.getPublic())).isFalse();
        assertThat(TreeHeadSigner.verify(new TreeHead(8, ROOT, T.plusNanos(1_000)), signature, KEYS.getPublic())).isFalse();
        assertThat(TreeHeadSigner.verify(HEAD, signature, TreeHeadSigner.generate().getPublic())).isFalse();
    }

    @Test
    void shouldRejectATamperedOrMalformedSignatureWithoutThrowing() {
        byte[] signature = TreeHeadSigner.sign(HEAD, KEYS.getPrivate());
        signature[0] ^= 1;

        assertThat(TreeHeadSigner.verify(HEAD, signature, KEYS.getPublic())).isFalse();
        assertThat(TreeHeadSigner.verify(HEAD, new byte[3], KEYS.getPublic())).isFalse();
    }

    @Test
    void shouldKeepKeysUsableThroughTheirBase64Encodings() {
        String privateBase64 = TreeHeadSigner.toBase64(KEYS.getPrivate());
        String publicBase64 = TreeHeadSigner.toBase64(KEYS.getPublic());
        PrivateKey privateKey = TreeHeadSigner.privateKeyFromPkcs8Base64(privateBase64);
        PublicKey publicKey = TreeHeadSigner.publicKeyFromX509Base64(publicBase64);

        assertThat(TreeHeadSigner.toBase64(privateKey)).isEqualTo(privateBase64);
        assertThat(publicKey).isEqualTo(KEYS.getPublic());
        assertThat(TreeHeadSigner.verify(HEAD, TreeHeadSigner.sign(HEAD, privateKey), KEYS.getPublic())).isTrue();
        assertThat(TreeHeadSigner.verify(HEAD, TreeHeadSigner.sign(HEAD, KEYS.getPrivate()), publicKey)).isTrue();
    }

    @Test
    void shouldReadThePublishedRfc8032KeyPairFromItsStandardEncodings() {
        PrivateKey privateKey = TreeHeadSigner.privateKeyFromPkcs8Base64(base64OfHex(RFC8032_PRIVATE_PKCS8));
        PublicKey publicKey = TreeHeadSigner.publicKeyFromX509Base64(base64OfHex(RFC8032_PUBLIC_X509));

        assertThat(TreeHeadSigner.verify(HEAD, TreeHeadSigner.sign(HEAD, privateKey), publicKey)).isTrue();
        assertThat(TreeHeadSigner.verify(HEAD, TreeHeadSigner.sign(HEAD, KEYS.getPrivate()), publicKey)).isFalse();
    }

    @Test
    void shouldRejectKeysThatAreNotEd25519Encodings() {
        assertThatThrownBy(() -> TreeHeadSigner.privateKeyFromPkcs8Base64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> TreeHeadSigner.publicKeyFromX509Base64(base64OfHex("3000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X.509");
        String publicAsPrivate = TreeHeadSigner.toBase64(KEYS.getPublic());
        assertThatThrownBy(() -> TreeHeadSigner.privateKeyFromPkcs8Base64(publicAsPrivate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8");
    }

    @Test
    void shouldSignTheDocumentedVersion1Layout() {
        String expected = "01"                                                            // version
                + "00000015" + HEX.formatHex("vigil-audit-tree-head".getBytes(StandardCharsets.US_ASCII))
                + "0000000000000008"                                                      // tree size
                + String.format("%016x", 1_795_356_000_123_456L)                          // 2026-11-22T14:00:00.123456Z in µs
                + HEX.formatHex(ROOT);

        assertThat(HEX.formatHex(TreeHeadSigner.signedBytes(HEAD))).isEqualTo(expected);
        assertThat(TreeHeadSigner.signedBytes(HEAD)).hasSize(74);
    }

    @Test
    void shouldKeepOnlyTheMicrosecondsOfTheTimestampBecauseThatIsWhatGetsSigned() {
        TreeHead withNanos = new TreeHead(8, ROOT, T.plusNanos(789));

        assertThat(withNanos).isEqualTo(HEAD);
        assertThat(withNanos.timestamp()).isEqualTo(T);
        assertThat(TreeHeadSigner.verify(withNanos, TreeHeadSigner.sign(HEAD, KEYS.getPrivate()), KEYS.getPublic())).isTrue();
    }

    @Test
    void shouldRejectAnInvalidTreeHead() {
        assertThatThrownBy(() -> new TreeHead(-1, ROOT, T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TreeHead(1, new byte[31], T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rootHash must be 32 bytes");
        assertThatThrownBy(() -> new TreeHead(1, ROOT, null)).isInstanceOf(NullPointerException.class);
    }

    static String base64OfHex(String hex) {
        return Base64.getEncoder().encodeToString(HEX.parseHex(hex));
    }
}
