-- Which HTTP versions checks of an endpoint may speak: AUTO negotiates HTTP/2 through ALPN where the
-- server offers it, HTTP_1_1 pins the check to HTTP/1.1. Existing endpoints negotiate, as before.
ALTER TABLE endpoints
	ADD COLUMN http_version text NOT NULL DEFAULT 'AUTO' CHECK (http_version IN ('AUTO', 'HTTP_1_1'));
