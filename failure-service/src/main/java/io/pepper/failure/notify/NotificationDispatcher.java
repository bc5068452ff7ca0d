package io.pepper.failure.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.pepper.failure.FailureProperties;
import io.pepper.failure.alerting.AlertingConfiguration;
import io.pepper.failure.notify.Notifications.Row;
import io.pepper.http.Answer;
import io.pepper.http.DeliveryMeter;
import io.pepper.http.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due rows of the transactional notification queue, one row (or one digest) per
 * transaction: the rows stay locked while they are sent, are marked SENT on success, and
 * on failure keep their state with the error and a later retry time until they failed
 * {@code dispatch-max-attempts} times, then turn FAILED. A failure no retry can help (a
 * refused target, or a receiver that answered a 4xx other than 408 and 429, by the shared
 * retry rule) turns FAILED at once: FAILED rows are the set-aside ones, with their error,
 * counted in {@code pepper.delivery.set.aside} and logged. A row whose target already got
 * {@code digest.threshold} notifications within {@code digest.window} is HELD instead,
 * and every row held for that target goes out as one digest when the first is due. Runs
 * on a fixed delay and right after a transaction queued notifications. Until the alerting
 * configuration is loaded nothing is sent and no attempt is spent: a webhook's URL and
 * secret come from it.
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

	private final DeliveryMeter meter;

	private final AlertingConfiguration alerting;

	private final AtomicBoolean waitingLogged = new AtomicBoolean();

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean requested = new AtomicBoolean();

	NotificationDispatcher(Notifications notifications, List<NotificationChannel> channels,
			TransactionTemplate transactions, FailureProperties properties, TaskScheduler scheduler,
			MeterRegistry registry, AlertingConfiguration alerting) {
		this.alerting = alerting;
		this.notifications = notifications;
		this.channels = channels.stream()
			.collect(Collectors.toUnmodifiableMap(NotificationChannel::name, Function.identity()));
		this.transactions = transactions;
		this.properties = properties;
		this.scheduler = scheduler;
		this.meter = new DeliveryMeter(registry, "failure-notifications");
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
		if (!this.alerting.loaded()) {
			if (this.waitingLogged.compareAndSet(false, true)) {
				logger.info("Notifications wait until the alerting configuration is loaded from admin-app");
			}
			return;
		}
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
			Optional<Row> next = this.notifications.lockNextDue();
			next.ifPresent(this::handle);
			return next.isPresent();
		});
		return Boolean.TRUE.equals(delivered);
	}

	private void handle(Row row) {
		FailureProperties.Digest digest = this.properties.digest();
		if (row.held()) {
			List<Row> group = this.notifications.lockHeldLike(row);
			List<Row> rows = group.stream().anyMatch((held) -> held.id().equals(row.id())) ? group : List.of(row);
			NotificationMessage message = (rows.size() == 1) ? rows.getFirst().change()
					: new Digest(rows.stream().map(Row::change).toList());
			deliver(row, rows, message);
		}
		else if (digest.enabled()
				&& this.notifications.recentToSameTarget(row, digest.window()) >= digest.threshold()) {
			// A burst to this target: gather the rest into one digest at the window's
			// end.
			this.notifications.hold(row.id(), digest.window());
			logger.debug("Holding notification {} to {} {} for a digest", row.id(), row.channel(), row.recipient());
		}
		else {
			deliver(row, List.of(row), row.change());
		}
	}

	/**
	 * Sends {@code message} for {@code rows} through {@code lead}'s channel and records
	 * how it went.
	 */
	private void deliver(Row lead, List<Row> rows, NotificationMessage message) {
		List<UUID> ids = rows.stream().map(Row::id).toList();
		int attempts = rows.stream().mapToInt(Row::attempts).max().orElse(0) + 1;
		NotificationChannel channel = this.channels.get(lead.channel());
		if (channel == null) {
			String error = "no notification channel named '" + lead.channel() + "'";
			this.notifications.markFailed(ids, attempts, error);
			this.meter.setAside(ids.size(), "notification " + lead.id(), new Answer(0, Verdict.SET_ASIDE, error),
					"as FAILED");
			return;
		}
		Notification notification = new Notification(lead.id(), lead.channel(), lead.recipient(), attempts - 1,
				message);
		try {
			channel.send(notification);
			this.notifications.markSent(ids, (rows.size() > 1) ? lead.id() : null);
			this.meter.delivered(ids.size());
			logger.debug("Sent notification {} ({} changes) through {} to {}", lead.id(), rows.size(), channel.name(),
					lead.recipient());
		}
		catch (RuntimeException ex) {
			String error = describe(ex);
			boolean permanent = ex instanceof DeliveryException delivery && delivery.isPermanent();
			int status = (ex instanceof DeliveryException delivery) ? delivery.status() : 0;
			String what = "notification " + lead.id() + " through " + channel.name() + " to " + lead.recipient();
			if (permanent || attempts >= this.properties.dispatchMaxAttempts()) {
				this.notifications.markFailed(ids, attempts, error);
				this.meter.setAside(ids.size(), what, new Answer(status, Verdict.SET_ASIDE, error),
						"as FAILED after " + attempts + ((attempts == 1) ? " attempt" : " attempts"));
			}
			else {
				this.notifications.markForRetry(ids, attempts, error, this.properties.retryBackoffAfter(attempts));
				this.meter.retrying(what + " (attempt " + attempts + ")", new Answer(status, Verdict.RETRY, error));
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
