-- A partner's earliest protection end, for the list read that checks whether anything is due to
-- expire before it answers (and for the expiry of one partner's deals).
CREATE INDEX deals_partner_approved_expiry ON deals (partner_id, expires_at) WHERE status = 'approved';
