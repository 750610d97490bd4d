-- Deal registration: every field of a registration, its workflow, timeline, line items from
-- the product catalogue, and the keys conflict detection matches on.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The company name as conflict detection compares it: lower case, German umlauts spelled out
-- (Müller = Mueller), other accents dropped, punctuation to spaces, legal forms removed
-- (GmbH, Gesellschaft mbH, Kft., Ltd, Inc, SAS, S.L. …). Immutable: usable in indexes.
CREATE FUNCTION partnerkit_company_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT btrim(regexp_replace(
    regexp_replace(
      ' ' || regexp_replace(
        translate(
          replace(replace(replace(replace(lower(name), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
          'áàâãåāăąæçćčďđéèêëēėęěğíìîïīįıłľĺńňñóòôõøōőœŕřśšşșțťúùûůūűųýÿźżž',
          'aaaaaaaaacccddeeeeeeeegiiiiiiilllnnnooooooooorrssssttuuuuuuuyyzzz'),
        '[^a-z0-9]+', ' ', 'g') || ' ',
      ' (gesellschaft mit beschraenkter haftung|gesellschaft mbh|gmbh co kgaa|gmbh co kg|gmbh|mbh|kgaa|ag|kg|ohg|se|e v|ev|kft|zrt|nyrt|bt|kkt|ltd|limited|plc|llp|llc|inc|incorporated|corp|corporation|company|co|sas|s a s|sa|s a|sarl|s a r l|sl|s l|slu|srl|s r l|spa|s p a|bv|b v|nv|n v|oy|ab|as|aps|pty)(?= )', ' ', 'g'),
    '\s+', ' ', 'g'));
$$;

ALTER TABLE deals
  ADD COLUMN customer_domain       text,
  ADD COLUMN customer_domain_key   text,
  ADD COLUMN customer_country      char(2),
  ADD COLUMN customer_region       text,
  ADD COLUMN customer_postal_code  text,
  ADD COLUMN industry              text,
  ADD COLUMN company_size          text CHECK (company_size IN ('1-49', '50-249', '250-999', '1000+')),
  ADD COLUMN contact_name          text,
  ADD COLUMN contact_email         text,
  ADD COLUMN contact_phone         text,
  ADD COLUMN contact_title         text,
  ADD COLUMN stage                 text CHECK (stage IN ('qualification', 'discovery', 'proposal', 'negotiation', 'commit')),
  ADD COLUMN probability           integer CHECK (probability BETWEEN 0 AND 100),
  ADD COLUMN deal_type             text CHECK (deal_type IN ('new', 'upsell', 'renewal')),
  ADD COLUMN partner_role          text CHECK (partner_role IN ('sourced', 'influenced', 'co_sell')),
  ADD COLUMN notes                 text,
  ADD COLUMN line_items            jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN attachments           jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN updated_at            timestamptz,
  ADD COLUMN submitted_at          timestamptz,
  ADD COLUMN decided_at            timestamptz,
  ADD COLUMN decided_by            uuid REFERENCES users (id),
  ADD COLUMN decision_reason       text,
  ADD COLUMN decision_outcome      text CHECK (decision_outcome IN ('auto_approved', 'review')),
  ADD COLUMN decision_rule         text,
  ADD COLUMN conflict_matched_on   text[] NOT NULL DEFAULT '{}',
  ADD COLUMN reviewer_id           uuid REFERENCES users (id),
  ADD COLUMN company_key           text GENERATED ALWAYS AS (partnerkit_company_key(customer_company)) STORED,
  ADD COLUMN search_text           text GENERATED ALWAYS AS (lower(customer_company || ' ' || coalesce(opportunity_name, '') || ' ' || reference || ' ' || coalesce(contact_name, ''))) STORED;

-- A draft may lack everything but the customer's company.
ALTER TABLE deals
  ALTER COLUMN opportunity_name DROP NOT NULL,
  ALTER COLUMN amount DROP NOT NULL,
  ALTER COLUMN currency DROP NOT NULL,
  ALTER COLUMN expected_close_date DROP NOT NULL;

UPDATE deals SET updated_at = created_at,
                 submitted_at = CASE WHEN status <> 'draft' THEN created_at END;
ALTER TABLE deals ALTER COLUMN updated_at SET NOT NULL;

-- Conflict detection: active registrations by registrable domain and by similar company name.
CREATE INDEX deals_active_domain ON deals (customer_domain_key) WHERE status IN ('submitted', 'info_requested', 'approved');
CREATE INDEX deals_active_company_trgm ON deals USING gin (company_key gin_trgm_ops) WHERE status IN ('submitted', 'info_requested', 'approved');
-- Text search in lists.
CREATE INDEX deals_search_trgm ON deals USING gin (search_text gin_trgm_ops);
-- The review queue (oldest submission first) and the expiry sweep.
CREATE INDEX deals_review_queue ON deals (submitted_at, id) WHERE status = 'submitted';
CREATE INDEX deals_approved_expiry ON deals (expires_at) WHERE status = 'approved';

CREATE TABLE products (
  id           uuid PRIMARY KEY,
  sku          text NOT NULL UNIQUE,
  name         text NOT NULL,
  family       text NOT NULL,
  list_prices  jsonb NOT NULL,
  active       boolean NOT NULL DEFAULT true
);

-- The timeline of each deal: every transition, edit and assignment.
CREATE TABLE deal_events (
  id           uuid PRIMARY KEY,
  seq          bigserial,
  deal_id      uuid NOT NULL REFERENCES deals (id),
  occurred_at  timestamptz NOT NULL,
  type         text NOT NULL,
  actor_id     uuid REFERENCES users (id),
  from_status  text,
  to_status    text NOT NULL,
  note         text
);
CREATE INDEX deal_events_deal ON deal_events (deal_id, seq);

-- The system (the expiry sweep) changes state too: its audit events have no actor.
ALTER TABLE audit_events
  ALTER COLUMN actor_id DROP NOT NULL,
  ALTER COLUMN actor_role DROP NOT NULL;
