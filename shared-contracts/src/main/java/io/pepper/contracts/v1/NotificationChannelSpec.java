package io.pepper.contracts.v1;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * A notification channel as failure-service needs it to deliver: secrets are included, so
 * this travels only over the authenticated service API, never to people.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = NotificationChannelSpec.Email.class, name = "email"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.Slack.class, name = "slack"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.Webhook.class, name = "webhook"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.PagerDuty.class, name = "pagerduty"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.Opsgenie.class, name = "opsgenie"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.Teams.class, name = "teams"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.Discord.class, name = "discord"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.Telegram.class, name = "telegram"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.Ntfy.class, name = "ntfy") })
public sealed interface NotificationChannelSpec {

	UUID id();

	UUID organizationId();

	String name();

	/** What every channel has: its id, its organization's and a name. */
	private static void requireIdentity(UUID id, UUID organizationId, String name) {
		Require.present(id, "id");
		Require.present(organizationId, "organizationId");
		Require.text(name, "name");
	}

	/** Email to each address. */
	record Email(UUID id, UUID organizationId, String name, List<String> addresses) implements NotificationChannelSpec {

		public Email {
			requireIdentity(id, organizationId, name);
			addresses = Require.list(addresses, "addresses");
			if (addresses.isEmpty()) {
				throw new IllegalArgumentException("addresses must not be empty");
			}
		}

	}

	/** A Slack incoming webhook. */
	record Slack(UUID id, UUID organizationId, String name, URI webhookUrl) implements NotificationChannelSpec {

		public Slack {
			requireIdentity(id, organizationId, name);
			Require.present(webhookUrl, "webhookUrl");
		}

	}

	/**
	 * A generic webhook; each delivery is signed as Standard Webhooks define it, and with
	 * the older {@code Pepper-Signature} for one more release.
	 */
	record Webhook(UUID id, UUID organizationId, String name, URI url,
			String signingSecret) implements NotificationChannelSpec {

		public Webhook {
			requireIdentity(id, organizationId, name);
			Require.present(url, "url");
			Require.text(signingSecret, "signingSecret");
		}

	}

	/**
	 * A PagerDuty service's Events API v2 integration.
	 *
	 * @param eventsUrl the Events API's base, e.g. {@code https://events.pagerduty.com}
	 * @param routingKey the integration key
	 */
	record PagerDuty(UUID id, UUID organizationId, String name, URI eventsUrl,
			String routingKey) implements NotificationChannelSpec {

		public PagerDuty {
			requireIdentity(id, organizationId, name);
			Require.present(eventsUrl, "eventsUrl");
			Require.text(routingKey, "routingKey");
		}

	}

	/**
	 * An Opsgenie API integration.
	 *
	 * @param apiUrl the Alert API's base, e.g. {@code https://api.opsgenie.com} or
	 * {@code https://api.eu.opsgenie.com}
	 * @param apiKey the integration's API key
	 */
	record Opsgenie(UUID id, UUID organizationId, String name, URI apiUrl,
			String apiKey) implements NotificationChannelSpec {

		public Opsgenie {
			requireIdentity(id, organizationId, name);
			Require.present(apiUrl, "apiUrl");
			Require.text(apiKey, "apiKey");
		}

	}

	/** A Microsoft Teams Workflows webhook that posts an Adaptive Card to a channel. */
	record Teams(UUID id, UUID organizationId, String name, URI webhookUrl) implements NotificationChannelSpec {

		public Teams {
			requireIdentity(id, organizationId, name);
			Require.present(webhookUrl, "webhookUrl");
		}

	}

	/** A Discord channel webhook. */
	record Discord(UUID id, UUID organizationId, String name, URI webhookUrl) implements NotificationChannelSpec {

		public Discord {
			requireIdentity(id, organizationId, name);
			Require.present(webhookUrl, "webhookUrl");
		}

	}

	/**
	 * A Telegram chat a bot writes to.
	 *
	 * @param apiUrl the Bot API's base, e.g. {@code https://api.telegram.org}
	 * @param botToken the bot's token
	 * @param chatId the chat: a number, or {@code @channelusername}
	 */
	record Telegram(UUID id, UUID organizationId, String name, URI apiUrl, String botToken,
			String chatId) implements NotificationChannelSpec {

		public Telegram {
			requireIdentity(id, organizationId, name);
			Require.present(apiUrl, "apiUrl");
			Require.text(botToken, "botToken");
			Require.text(chatId, "chatId");
		}

	}

	/**
	 * An ntfy topic.
	 *
	 * @param topicUrl the topic on its server, e.g. {@code https://ntfy.sh/pepper-alerts}
	 * @param accessToken a token for a protected topic, or null
	 */
	record Ntfy(UUID id, UUID organizationId, String name, URI topicUrl,
			@Nullable String accessToken) implements NotificationChannelSpec {

		public Ntfy {
			requireIdentity(id, organizationId, name);
			Require.present(topicUrl, "topicUrl");
		}

	}

}
