package io.vigil.audit.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * Ed25519 signatures over tree heads, with the JDK's own provider only. The signed bytes are a fixed, versioned,
 * big-endian layout, so that a third party can verify a head without this code (74 bytes in version 1):
 * <pre>
 *   u8   layout version (1)
 *   u32  length of the context string (21), then the ASCII bytes "vigil-audit-tree-head"
 *   u64  tree size
 *   i64  timestamp, microseconds since 1970-01-01T00:00:00Z
 *   32 B root hash (RFC 6962 MTH, SHA-256)
 * </pre>
 * The context string keeps a signature over a tree head from being valid for any other message signed with
 * the same key. Keys travel as base64 of their standard encodings: PKCS#8 (private) and X.509 SubjectPublicKeyInfo (public).
 */
public final class TreeHeadSigner {
    public static final int VERSION = 1;
    public static final String CONTEXT = "vigil-audit-tree-head";
    private static final String ALGORITHM = "Ed25519";
    private static final byte[] CONTEXT_BYTES = CONTEXT.getBytes(StandardCharsets.US_ASCII);

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    public static PrivateKey privateKeyFromPkcs8Base64(String base64) {
        try {
            return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8-encoded Ed25519 private key", e);
        }
    }

    public static PublicKey publicKeyFromX509Base64(String base64) {
        try {
            return keyFactory().generatePublic(new X509EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509-encoded Ed25519 public key", e);
        }
    }

    /** Base64 of the key's standard encoding (PKCS#8 for private keys, X.509 for public keys). */
    public static String toBase64(Key key) {
        byte[] encoded = Objects.requireNonNull(key, "key").getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("key has no encoding");
        }
        return Base64.getEncoder().encodeToString(encoded);
    }

    public static byte[] sign(TreeHead head, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(signedBytes(head));
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** False for a wrong or malformed signature; throws only when {@code key} is not an Ed25519 public key. */
    public static boolean verify(TreeHead head, byte[] signature, PublicKey key) {
        Objects.requireNonNull(signature, "signature");
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedBytes(head));
            return verifier.verify(signature);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification failed", e);
        }
    }

    public static byte[] signedBytes(TreeHead head) {
        Objects.requireNonNull(head, "head");
        return ByteBuffer.allocate(1 + 4 + CONTEXT_BYTES.length + 8 + 8 + MerkleHashes.HASH_LENGTH)
                .put((byte) VERSION)
                .putInt(CONTEXT_BYTES.length)
                .put(CONTEXT_BYTES)
                .putLong(head.treeSize())
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, head.timestamp()))
                .put(head.rootHash())
                .array();
    }

    private static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(Objects.requireNonNull(base64, "base64").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not valid base64", e);
        }
    }

    private TreeHeadSigner() {
    }
}
