package io.pepper.admin.mail;

import java.net.URI;

import io.pepper.admin.AdminProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mail through {@code spring.mail.*}. Links are built from
 * {@code pepper.admin.ui.base-url}, never from the request, so a forged Host header
 * cannot point a link elsewhere.
 */
@Component
public class Mailer {

	private static final Logger logger = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> senders;

	private final AdminProperties.Ui settings;

	Mailer(ObjectProvider<JavaMailSender> senders, AdminProperties properties) {
		this.senders = senders;
		this.settings = properties.ui();
	}

	/** An absolute link to {@code path} of the UI. */
	public URI link(String path) {
		return URI.create(this.settings.baseUrl() + path);
	}

	/**
	 * Sends one message.
	 * @throws MailUnavailableException when no mail server is configured or it refused
	 */
	public void send(String to, String subject, String text) {
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null) {
			logger.warn("No mail server configured (spring.mail.host); '{}' was not sent", subject);
			throw new MailUnavailableException("No mail server is configured");
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.settings.mailFrom());
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			logger.warn("Could not send '{}': {}", subject, ex.getMessage());
			throw new MailUnavailableException("The mail server did not accept the message", ex);
		}
	}

}
