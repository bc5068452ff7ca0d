package io.pepper.failure.notify.email;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pepper.failure.notify.ReportedFailure;

import org.springframework.web.util.HtmlUtils;

/**
 * What a failure email says.
 *
 * @param subject the subject line, naming the endpoint and the kind of failure
 * @param text the plain-text body
 * @param html the same as HTML
 */
record FailureEmail(String subject, String text, String html) {

	static FailureEmail of(ReportedFailure failure) {
		String subject = "[Pepper] DOWN: " + failure.endpointName() + " — " + failure.outcome();
		String headline = failure.endpointName() + " is DOWN as seen from " + failure.location() + ".";
		Map<String, String> facts = facts(failure);
		StringBuilder text = new StringBuilder(headline).append("\n\n");
		facts.forEach((label, value) -> text.append(String.format("%-13s %s%n", label + ":", value)));
		text.append("\n-- \nPepper monitoring\n");
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
			.append("<h2 style=\"color:#b00020\">")
			.append(escape(headline))
			.append("</h2><table cellpadding=\"4\">");
		facts.forEach((label, value) -> html.append("<tr><th align=\"left\">")
			.append(escape(label))
			.append("</th><td>")
			.append(label.equals("URL") ? "<a href=\"" + escape(value) + "\">" + escape(value) + "</a>" : escape(value))
			.append("</td></tr>"));
		html.append("</table><p style=\"color:#666\">Pepper monitoring</p></body></html>");
		return new FailureEmail(subject, text.toString(), html.toString());
	}

	private static Map<String, String> facts(ReportedFailure failure) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("Endpoint", failure.endpointName());
		facts.put("URL", failure.url().toString());
		facts.put("Location", failure.location());
		facts.put("Outcome", failure.outcome().name());
		facts.put("Phase", (failure.phase() != null) ? failure.phase().name() : "-");
		facts.put("Reason", failure.reason());
		facts.put("Status", (failure.status() != null) ? failure.status().toString() : "no response");
		facts.put("Scheduled", failure.scheduledAt().toString());
		facts.put("Endpoint ID", failure.endpointId().toString());
		return facts;
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value);
	}

}
