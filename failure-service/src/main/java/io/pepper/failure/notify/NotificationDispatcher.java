package io.pepper.failure.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.pepper.failure.FailureProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox rows, one row per transaction: the row stays locked while it is
 * sent, is marked SENT on success, and on failure keeps PENDING with its error and a
 * later retry time until it has failed {@code dispatch-max-attempts} times, then turns
 * FAILED. Runs on a fixed delay and right after a transaction queued notifications.
 */
@Component
public class NotificationDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDispatcher.class);

	private static final int MAX_ERROR_LENGTH = 2_000;

	private final Notifications notifications;

	private final Map<String, NotificationChannel> channels;

	private final TransactionTemplate transactions;

	private final FailureProperties properties;

	private final TaskScheduler scheduler;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean requested = new AtomicBoolean();

	NotificationDispatcher(Notifications notifications, List<NotificationChannel> channels,
			TransactionTemplate transactions, FailureProperties properties, TaskScheduler scheduler) {
		this.notifications = notifications;
		this.channels = channels.stream()
			.collect(Collectors.toUnmodifiableMap(NotificationChannel::name, Function.identity()));
		this.transactions = transactions;
		this.properties = properties;
		this.scheduler = scheduler;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void onQueued(NotificationsQueued event) {
		if (!this.properties.dispatchEnabled()) {
			return;
		}
		// Off the request thread: the caller's answer must not wait for SMTP.
		this.scheduler.schedule(this::dispatchDue, Instant.now());
	}

	/**
	 * Sends what is due. Concurrent calls coalesce: while one runs, others only ask it to
	 * run once more, so no request is lost and rows are not fought over in one instance.
	 */
	public void dispatchDue() {
		this.requested.set(true);
		while (this.requested.get() && this.running.compareAndSet(false, true)) {
			try {
				this.requested.set(false);
				drain();
			}
			finally {
				this.running.set(false);
			}
		}
	}

	private void drain() {
		try {
			int handled = 0;
			while (handled < this.properties.dispatchBatchSize() && deliverNext()) {
				handled++;
			}
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next run tries again.
			logger.warn("Dispatching notifications failed: {}", ex.toString());
		}
	}

	/** Delivers the next due notification, if any; false when none is due. */
	private boolean deliverNext() {
		Boolean delivered = this.transactions.execute((status) -> {
			Optional<Notification> next = this.notifications.lockNextDue();
			next.ifPresent(this::deliver);
			return next.isPresent();
		});
		return Boolean.TRUE.equals(delivered);
	}

	private void deliver(Notification notification) {
		NotificationChannel channel = this.channels.get(notification.channel());
		int attempts = notification.attempts() + 1;
		if (channel == null) {
			this.notifications.markFailed(notification.id(), attempts,
					"no notification channel named '" + notification.channel() + "'");
			return;
		}
		try {
			channel.send(notification);
			this.notifications.markSent(notification.id());
			logger.debug("Sent notification {} through {} to {}", notification.id(), channel.name(),
					notification.recipient());
		}
		catch (RuntimeException ex) {
			String error = describe(ex);
			if (attempts >= this.properties.dispatchMaxAttempts()) {
				this.notifications.markFailed(notification.id(), attempts, error);
				logger.error("Gave up on notification {} through {} to {} after {} attempts: {}", notification.id(),
						channel.name(), notification.recipient(), attempts, error);
			}
			else {
				this.notifications.markForRetry(notification.id(), attempts, error,
						this.properties.retryBackoffAfter(attempts));
				logger.warn("Notification {} through {} to {} failed (attempt {}), will retry: {}", notification.id(),
						channel.name(), notification.recipient(), attempts, error);
			}
		}
	}

	/** The error and its root cause in one line, short enough to store. */
	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getName());
		if (root != ex && (root.getMessage() == null || !text.contains(root.getMessage()))) {
			text += " (" + root + ")";
		}
		text = text.replaceAll("\\s+", " ").strip();
		return (text.length() > MAX_ERROR_LENGTH) ? text.substring(0, MAX_ERROR_LENGTH) : text;
	}

}
