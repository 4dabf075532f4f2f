-- The policy rule (and version of the policy document) that decided each event; null for recorded facts
-- and for events received from other systems.
ALTER TABLE event_store ADD COLUMN policy_rule TEXT;
ALTER TABLE event_store ADD COLUMN policy_version TEXT;
-- Projection rebuilds read one aggregate type in store order.
CREATE INDEX event_store_type_position ON event_store (aggregate_type, position);

-- Published rows are pruned after the retention (vigil.outbox.retention).
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
