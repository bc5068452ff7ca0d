package io.pepper.failure.notify.email;

import java.nio.charset.StandardCharsets;

import io.pepper.failure.FailureProperties;
import io.pepper.failure.notify.DeliveryException;
import io.pepper.failure.notify.Notification;
import io.pepper.failure.notify.NotificationChannel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notifications as email over SMTP, a plain-text body with an HTML alternative.
 * Delivery is at least once: a mail the server accepted just before a crash is sent again
 * after restart, with the same Message-ID (derived from its outbox row), so mail servers
 * and clients can drop the repeat.
 */
@Component
class EmailChannel implements NotificationChannel {

	static final String NAME = "email";

	private final JavaMailSender sender;

	private final FailureProperties properties;

	EmailChannel(JavaMailSender sender, FailureProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void send(Notification notification) {
		IncidentEmail email = IncidentEmail.of(notification.message(), this.properties.adminPublicUrl());
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.mail().from());
			helper.setTo(notification.recipient());
			helper.setSubject(email.subject());
			helper.setText(email.text(), email.html());
			// JavaMailSender keeps a Message-ID set before sending.
			message.setHeader("Message-ID", messageId(notification));
			this.sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			throw new DeliveryException("Cannot send email to " + notification.recipient() + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The same for every attempt of one outbox row (one notification to one target), e.g.
	 * {@code <3f2c…@pepper.example.com>}, in the sender's domain.
	 */
	String messageId(Notification notification) {
		String from = this.properties.mail().from();
		return "<" + notification.id() + "@" + from.substring(from.lastIndexOf('@') + 1) + ">";
	}

}
