package io.vigil.audit.domain;


import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;

/** The Ed25519 key that signs tree heads; its id is the first 16 hex digits of SHA-256 over the public key (X.509). */
public record SigningKey(String keyId, PublicKey publicKey, PrivateKey privateKey, boolean development) {

    public static SigningKey of(PublicKey publicKey, PrivateKey privateKey, boolean development) {
        return new SigningKey(idOf(publicKey), publicKey, privateKey, development);
    }

    public String publicKeyBase64() {
        return TreeHeadSigner.toBase64(publicKey);
    }

    static String idOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + (development ? ", development" : "") + "]";
    }
}
