-- Audit events keep the order they were written in, even within one millisecond.
ALTER TABLE audit_events ADD COLUMN seq bigserial;
CREATE INDEX audit_events_seq ON audit_events (seq DESC);
CREATE INDEX audit_events_partner_seq ON audit_events (partner_id, seq DESC);
CREATE INDEX audit_events_entity_seq ON audit_events (entity_id, seq DESC);
DROP INDEX audit_events_occurred;
DROP INDEX audit_events_partner;
DROP INDEX audit_events_entity;
