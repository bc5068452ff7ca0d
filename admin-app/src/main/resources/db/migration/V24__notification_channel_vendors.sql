-- More kinds of notification channels: PagerDuty, Opsgenie, Microsoft Teams, Discord, Telegram and ntfy.

-- api_url: the vendor API's base when it is not the vendor's default (PagerDuty, Opsgenie, Telegram);
-- chat_id: a Telegram chat; token_*: a routing key, API key, bot token or ntfy access token,
-- stored only encrypted like the other secrets, beside the masked form people see.
ALTER TABLE notification_channels
	ADD COLUMN api_url         text CHECK (length(api_url) <= 2048),
	ADD COLUMN chat_id         text CHECK (length(chat_id) <= 100),
	ADD COLUMN token_encrypted text,
	ADD COLUMN token_hint      text;

ALTER TABLE notification_channels DROP CONSTRAINT notification_channels_type_check;
ALTER TABLE notification_channels ADD CONSTRAINT notification_channels_type_check
	CHECK (type IN ('EMAIL', 'SLACK', 'WEBHOOK', 'PAGERDUTY', 'OPSGENIE', 'TEAMS', 'DISCORD', 'TELEGRAM', 'NTFY'));

-- What each type needs, one rule per field.
ALTER TABLE notification_channels DROP CONSTRAINT notification_channels_check1;
ALTER TABLE notification_channels ADD CONSTRAINT notification_channels_url_by_type
	CHECK ((type IN ('SLACK', 'WEBHOOK', 'TEAMS', 'DISCORD', 'NTFY')) = (url_encrypted IS NOT NULL));
ALTER TABLE notification_channels ADD CONSTRAINT notification_channels_api_url_by_type
	CHECK (api_url IS NULL OR type IN ('PAGERDUTY', 'OPSGENIE', 'TELEGRAM'));
ALTER TABLE notification_channels ADD CONSTRAINT notification_channels_token_by_type
	CHECK (CASE WHEN type IN ('PAGERDUTY', 'OPSGENIE', 'TELEGRAM') THEN token_encrypted IS NOT NULL
	            WHEN type = 'NTFY' THEN true
	            ELSE token_encrypted IS NULL END);
ALTER TABLE notification_channels ADD CONSTRAINT notification_channels_chat_id_by_type
	CHECK ((type = 'TELEGRAM') = (chat_id IS NOT NULL));
