package io.pepper.contracts.v1;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A notification channel as failure-service needs it to deliver: secrets are included, so
 * this travels only over the authenticated service API, never to people.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = NotificationChannelSpec.Email.class, name = "email"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.Slack.class, name = "slack"),
		@JsonSubTypes.Type(value = NotificationChannelSpec.Webhook.class, name = "webhook") })
public sealed interface NotificationChannelSpec {

	UUID id();

	UUID organizationId();

	String name();

	/** Email to each address. */
	record Email(UUID id, UUID organizationId, String name, List<String> addresses) implements NotificationChannelSpec {

		public Email {
			Require.present(id, "id");
			Require.present(organizationId, "organizationId");
			Require.text(name, "name");
			addresses = Require.list(addresses, "addresses");
			if (addresses.isEmpty()) {
				throw new IllegalArgumentException("addresses must not be empty");
			}
		}

	}

	/** A Slack incoming webhook. */
	record Slack(UUID id, UUID organizationId, String name, URI webhookUrl) implements NotificationChannelSpec {

		public Slack {
			Require.present(id, "id");
			Require.present(organizationId, "organizationId");
			Require.text(name, "name");
			Require.present(webhookUrl, "webhookUrl");
		}

	}

	/**
	 * A generic webhook; each delivery is signed with HMAC-SHA256 over a timestamp and
	 * the body.
	 */
	record Webhook(UUID id, UUID organizationId, String name, URI url,
			String signingSecret) implements NotificationChannelSpec {

		public Webhook {
			Require.present(id, "id");
			Require.present(organizationId, "organizationId");
			Require.text(name, "name");
			Require.present(url, "url");
			Require.text(signingSecret, "signingSecret");
		}

	}

}
