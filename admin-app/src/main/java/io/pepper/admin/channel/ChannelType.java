package io.pepper.admin.channel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a channel delivers. */
public enum ChannelType {

	@JsonProperty("email")
	EMAIL,

	@JsonProperty("slack")
	SLACK,

	@JsonProperty("webhook")
	WEBHOOK

}
