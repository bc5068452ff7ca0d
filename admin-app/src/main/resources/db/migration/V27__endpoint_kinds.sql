-- What protocol checks of an endpoint speak, and the settings of the kinds other than HTTP (as on the
-- wire: a JSON object whose "type" names the kind). Existing endpoints are HTTP, whose settings stay in
-- their own columns.
ALTER TABLE endpoints
	ADD COLUMN kind text NOT NULL DEFAULT 'HTTP' CHECK (kind IN ('HTTP', 'TCP', 'DNS', 'TLS')),
	ADD COLUMN check_settings jsonb,
	ADD CONSTRAINT endpoints_settings_match_kind CHECK ((kind = 'HTTP') = (check_settings IS NULL));

-- The URL's scheme follows the kind: http(s) for HTTP, tcp:// and tls:// for those, dns: for DNS.
ALTER TABLE endpoints
	DROP CONSTRAINT endpoints_url_check,
	ADD CONSTRAINT endpoints_url_matches_kind CHECK (CASE kind
		WHEN 'HTTP' THEN url ~* '^https?://'
		WHEN 'TCP' THEN url ~* '^tcp://'
		WHEN 'TLS' THEN url ~* '^tls://'
		WHEN 'DNS' THEN url ~* '^dns:'
	END);
