-- Partner organisations, their users, and deal registrations.
CREATE TABLE partners (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  tier        text NOT NULL CHECK (tier IN ('registered', 'silver', 'gold', 'platinum')),
  country     char(2) NOT NULL,
  currency    char(3) NOT NULL,
  locale      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id           uuid PRIMARY KEY,
  -- The vendor's own identifier, from POST /sessions.
  external_id  text NOT NULL UNIQUE,
  partner_id   uuid REFERENCES partners (id),
  email        text NOT NULL,
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('partner_user', 'partner_admin', 'channel_manager')),
  locale       text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deals (
  id                   uuid PRIMARY KEY,
  partner_id           uuid NOT NULL REFERENCES partners (id),
  reference            text NOT NULL UNIQUE,
  customer_company     text NOT NULL,
  opportunity_name     text NOT NULL,
  amount               numeric(19, 4) NOT NULL,
  currency             char(3) NOT NULL,
  status               text NOT NULL CHECK (status IN ('draft', 'submitted', 'info_requested', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn')),
  expected_close_date  date NOT NULL,
  created_at           timestamptz NOT NULL,
  expires_at           timestamptz
);

-- Every deal list is one partner's, newest first, paged by (created_at, id).
CREATE INDEX deals_partner_created ON deals (partner_id, created_at DESC, id DESC);
CREATE INDEX deals_partner_status_created ON deals (partner_id, status, created_at DESC, id DESC);
