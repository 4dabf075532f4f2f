package io.vigil.audit.application;

import io.vigil.audit.domain.SignedTreeHead;
import io.vigil.audit.domain.SigningKey;
import io.vigil.audit.domain.TreeHead;
import io.vigil.audit.domain.TreeHeadSigner;
import io.vigil.audit.persistence.MerkleQueries;
import io.vigil.audit.persistence.TreeHeadStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Signs the head of the tree as it stands: one signed head per size, kept for later consistency proofs. */
@ApplicationScoped
public class TreeHeads {
    private final MerkleQueries tree;
    private final TreeHeadStore store;
    private final SigningKeys keys;
    private final Clock clock;

    public TreeHeads(MerkleQueries tree, TreeHeadStore store, SigningKeys keys, Clock clock) {
        this.tree = tree;
        this.store = store;
        this.keys = keys;
        this.clock = clock;
    }

    public SignedTreeHead latest() {
        long size = tree.size();
        return store.at(size).orElseGet(() -> {
            // microseconds: the precision the database keeps, so the stored head verifies as signed
            TreeHead head = new TreeHead(size, tree.root(size), clock.instant().truncatedTo(ChronoUnit.MICROS));
            SigningKey key = keys.current();
            store.insertIfAbsent(new SignedTreeHead(head, key.keyId(), TreeHeadSigner.sign(head, key.privateKey())));
            return store.at(size).orElseThrow();
        });
    }

    public SigningKey key() {
        return keys.current();
    }
}
