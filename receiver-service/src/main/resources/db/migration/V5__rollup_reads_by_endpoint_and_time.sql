-- History and summaries read an endpoint's rollups of all its locations over a time range. The
-- primary key (endpoint, location, bucket) cannot bound the time for them: it walks every
-- bucket ever kept for the endpoint and filters. These indexes walk the range only.
CREATE INDEX rollups_hourly_endpoint_time ON rollups_hourly (endpoint_id, bucket_start);
CREATE INDEX rollups_daily_endpoint_time ON rollups_daily (endpoint_id, bucket_start);
