package io.vigil.audit.domain;


/** A tree head with the Ed25519 signature over its signed bytes (see TreeHeadSigner) and the id of the key. */
public record SignedTreeHead(TreeHead head, String keyId, byte[] signature) {
}
