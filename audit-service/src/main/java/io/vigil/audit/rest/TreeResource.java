package io.vigil.audit.rest;

import io.vigil.audit.domain.SignedTreeHead;
import io.vigil.audit.domain.SigningKey;
import io.vigil.audit.application.TreeHeads;
import io.vigil.audit.persistence.MerkleQueries;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The Merkle tree over the log (RFC 6962/9162): signed tree heads, inclusion and consistency proofs. Hashes are hex. */
@Path("/audit")
@RolesAllowed({"auditor", "admin"})
public class TreeResource {
    private static final HexFormat HEX = HexFormat.of();

    public record TreeHeadView(long treeSize, String rootHash, Instant timestamp, String keyId, String algorithm,
                               String signature, String publicKey) {
    }

    public record PublicKeyView(String keyId, String algorithm, String publicKey, boolean development) {
    }

    public record InclusionProof(long seq, long leafIndex, long treeSize, String leafHash, List<String> proof, String rootHash) {
    }

    public record ConsistencyProof(long first, long second, String firstRoot, String secondRoot, List<String> proof) {
    }

    private final TreeHeads heads;
    private final MerkleQueries tree;

    public TreeResource(TreeHeads heads, MerkleQueries tree) {
        this.heads = heads;
        this.tree = tree;
    }

    /** The current signed tree head; save it, and later check an export or a consistency proof against it. */
    @GET
    @Path("/tree-head")
    public TreeHeadView treeHead() {
        SignedTreeHead signed = heads.latest();
        return new TreeHeadView(signed.head().treeSize(), HEX.formatHex(signed.head().rootHash()), signed.head().timestamp(),
                signed.keyId(), "Ed25519", Base64.getEncoder().encodeToString(signed.signature()), heads.key().publicKeyBase64());
    }

    @GET
    @Path("/public-key")
    public PublicKeyView publicKey() {
        SigningKey key = heads.key();
        return new PublicKeyView(key.keyId(), "Ed25519", key.publicKeyBase64(), key.development());
    }

    @GET
    @Path("/proofs/inclusion")
    public InclusionProof inclusion(@QueryParam("seq") Long seq, @QueryParam("treeSize") Long treeSize) {
        long size = treeSize == null ? tree.size() : treeSize;
        if (seq == null || seq < 1) {
            throw Problem.badRequest("seq", "required: the seq of an entry, 1 or more");
        }
        requireSize("treeSize", size);
        if (seq > size) {
            throw Problem.badRequest("seq", "entry " + seq + " is not in a tree of size " + size);
        }
        return new InclusionProof(seq, seq - 1, size, HEX.formatHex(tree.leafHash(seq - 1)),
                hex(tree.inclusion(seq - 1, size)), HEX.formatHex(tree.root(size)));
    }

    @GET
    @Path("/proofs/consistency")
    public ConsistencyProof consistency(@QueryParam("first") Long first, @QueryParam("second") Long second) {
        long to = second == null ? tree.size() : second;
        if (first == null || first < 1) {
            throw Problem.badRequest("first", "required: a tree size, 1 or more");
        }
        requireSize("second", to);
        if (first > to) {
            throw Problem.badRequest("first", "must not exceed second (" + to + ")");
        }
        return new ConsistencyProof(first, to, HEX.formatHex(tree.root(first)), HEX.formatHex(tree.root(to)),
                hex(tree.consistency(first, to)));
    }

    private void requireSize(String field, long size) {
        long current = tree.size();
        if (size < 1 || size > current) {
            throw Problem.badRequest(field, "must be between 1 and the current tree size " + current);
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
