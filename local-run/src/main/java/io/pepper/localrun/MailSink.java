package io.pepper.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server in this JVM that accepts every message and appends it, whole, to a log
 * file: sign-up, invitation and incident mail can be read there.
 */
final class MailSink implements AutoCloseable {

	private final GreenMail greenMail;

	private final Path log;

	private final Thread writer;

	private int written;

	private MailSink(GreenMail greenMail, Path log) {
		this.greenMail = greenMail;
		this.log = log;
		this.writer = Thread.ofVirtual().name("mail-log").start(this::writeLoop);
	}

	static MailSink start(int port, Path log) {
		GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		LocalRun.log("mail sink on smtp://127.0.0.1:" + port + " (messages in " + log + ")");
		return new MailSink(greenMail, log);
	}

	int port() {
		return this.greenMail.getSmtp().getPort();
	}

	private void writeLoop() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				this.greenMail.waitForIncomingEmail(1000, this.written + 1);
				flush();
			}
			catch (RuntimeException | IOException ex) {
				LocalRun.log("mail log: " + ex.getMessage());
			}
		}
	}

	private synchronized void flush() throws IOException {
		MimeMessage[] messages = this.greenMail.getReceivedMessages();
		StringBuilder text = new StringBuilder();
		for (int i = this.written; i < messages.length; i++) {
			text.append("----- received ")
				.append(Instant.now())
				.append('\n')
				.append(GreenMailUtil.getWholeMessage(messages[i]))
				.append("\n\n");
		}
		if (!text.isEmpty()) {
			Files.writeString(this.log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		this.written = messages.length;
	}

	@Override
	public void close() {
		this.writer.interrupt();
		try {
			flush();
		}
		catch (IOException ex) {
			LocalRun.log("mail log: " + ex.getMessage());
		}
		this.greenMail.stop();
	}

}
