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
 * and clients can drop the repeat. Every mail is marked {@code Auto-Submitted:
 * auto-generated}, and the mails of one incident form one thread ({@link MailThread}).
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
			MailThread thread = thread(notification);
			// JavaMailSender keeps a Message-ID set before sending.
			message.setHeader("Message-ID", thread.messageId());
			if (thread.inReplyTo() != null) {
				message.setHeader("In-Reply-To", thread.inReplyTo());
			}
			if (thread.references() != null) {
				message.setHeader("References", thread.references());
			}
			// RFC 3834: no vacation or out-of-office replies to an alert.
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("X-Auto-Response-Suppress", "All");
			this.sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			throw new DeliveryException("Cannot send email to " + notification.recipient() + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The Message-ID is the same for every attempt of one outbox row (one notification to
	 * one target), in the domain of the public URL (else of the sender address).
	 */
	MailThread thread(Notification notification) {
		return MailThread.of(notification,
				MailThread.domain(this.properties.adminPublicUrl(), this.properties.mail().from()));
	}

}
