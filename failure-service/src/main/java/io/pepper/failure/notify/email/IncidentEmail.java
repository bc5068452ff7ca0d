package io.pepper.failure.notify.email;

import java.net.URI;
import java.util.Map;

import io.pepper.failure.notify.Digest;
import io.pepper.failure.notify.NotificationMessage;
import io.pepper.failure.notify.StateChange;
import io.pepper.failure.notify.Wording;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * What a notification email says.
 *
 * @param subject the subject line, naming the endpoint and what happened
 * @param text the plain-text body
 * @param html the same as HTML
 */
record IncidentEmail(String subject, String text, String html) {

	private static final String FOOTER = "Pepper monitoring";

	static IncidentEmail of(NotificationMessage message, @Nullable URI adminPublicUrl) {
		return switch (message) {
			case StateChange change -> of(change, adminPublicUrl);
			case Digest digest -> of(digest, adminPublicUrl);
		};
	}

	private static IncidentEmail of(StateChange change, @Nullable URI adminPublicUrl) {
		StringBuilder text = new StringBuilder();
		StringBuilder html = new StringBuilder(open());
		section(change, Wording.link(adminPublicUrl, change.endpointId()), text, html);
		return new IncidentEmail(Wording.subject(change), text.append(textFooter()).toString(),
				html.append(close()).toString());
	}

	private static IncidentEmail of(Digest digest, @Nullable URI adminPublicUrl) {
		String intro = digest.changes().size()
				+ " incidents changed within a short time; they are gathered here instead of one message each.";
		StringBuilder text = new StringBuilder(intro).append("\n\n");
		StringBuilder html = new StringBuilder(open()).append("<p>").append(escape(intro)).append("</p>");
		for (StateChange change : digest.changes()) {
			section(change, Wording.link(adminPublicUrl, change.endpointId()), text, html);
			text.append('\n');
		}
		return new IncidentEmail(Wording.subject(digest), text.append(textFooter()).toString(),
				html.append(close()).toString());
	}

	private static void section(StateChange change, @Nullable URI link, StringBuilder text, StringBuilder html) {
		String headline = Wording.headline(change) + ".";
		Map<String, String> facts = Wording.facts(change, link);
		text.append(headline).append("\n\n");
		facts.forEach((label, value) -> text.append(String.format("%-10s %s%n", label + ":", value)));
		String colour = change.change().isTrouble() ? "#b00020" : "#1b7f3b";
		html.append("<h2 style=\"color:").append(colour).append("\">").append(escape(headline)).append("</h2>");
		html.append("<table cellpadding=\"4\">");
		facts.forEach((label, value) -> html.append("<tr><th align=\"left\">")
			.append(escape(label))
			.append("</th><td>")
			.append((label.equals("URL") || label.equals("Details"))
					? "<a href=\"" + escape(value) + "\">" + escape(value) + "</a>" : escape(value))
			.append("</td></tr>"));
		html.append("</table>");
	}

	private static String open() {
		return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">";
	}

	private static String close() {
		return "<p style=\"color:#666\">" + FOOTER + "</p></body></html>";
	}

	private static String textFooter() {
		return "\n-- \n" + FOOTER + "\n";
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value);
	}

}
