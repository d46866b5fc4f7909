-- Failed sign-ins are counted per client address as well as per account.
CREATE INDEX audit_events_address_idx ON audit_events (action, client_ip, at);
