-- Partner profiles, resource versions (ETag / If-Match), idempotent creates and the audit log.
ALTER TABLE partners
  ADD COLUMN type                   text NOT NULL DEFAULT 'reseller'
    CHECK (type IN ('reseller', 'integrator', 'msp', 'referral', 'distributor')),
  ADD COLUMN website                text,
  ADD COLUMN regions                text[] NOT NULL DEFAULT '{}',
  ADD COLUMN specialisations        text[] NOT NULL DEFAULT '{}',
  ADD COLUMN channel_manager_name   text,
  ADD COLUMN channel_manager_email  text,
  ADD COLUMN channel_manager_phone  text,
  ADD COLUMN version                integer NOT NULL DEFAULT 1,
  ADD COLUMN updated_at             timestamptz NOT NULL DEFAULT now();

CREATE INDEX partners_name ON partners (name, id);

ALTER TABLE deals
  ADD COLUMN version     integer NOT NULL DEFAULT 1,
  ADD COLUMN created_by  uuid REFERENCES users (id);

-- Channel managers see every partner's deals, newest first.
CREATE INDEX deals_created ON deals (created_at DESC, id DESC);

-- Reference numbers of deals created through the API continue after the seeded ones.
CREATE SEQUENCE deal_reference_seq;

-- One row per (scope, key): the first request's hash and its answer, replayed on retries.
-- The scope is the partner id (or the user id of a channel manager).
CREATE TABLE idempotency_keys (
  scope            text NOT NULL,
  key              text NOT NULL,
  request_hash     text NOT NULL,
  response_status  integer NOT NULL,
  response_headers jsonb NOT NULL,
  response_body    jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

CREATE TABLE audit_events (
  id           uuid PRIMARY KEY,
  occurred_at  timestamptz NOT NULL,
  actor_id     uuid NOT NULL,
  actor_role   text NOT NULL,
  partner_id   uuid,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    uuid NOT NULL,
  before       jsonb,
  after        jsonb,
  request_id   text NOT NULL
);

CREATE INDEX audit_events_occurred ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_partner ON audit_events (partner_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_entity ON audit_events (entity_id, occurred_at DESC, id DESC);
