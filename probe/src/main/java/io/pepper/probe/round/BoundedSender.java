package io.pepper.probe.round;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

import io.pepper.contracts.v1.WireJson;
import io.pepper.http.Answer;
import io.pepper.http.Backoff;
import io.pepper.http.DeliveryMeter;
import io.pepper.http.ServiceClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe's bounded in-memory sender: the buffer of one kind of item on its way to one
 * service, with the background sender that batches and posts it. Items wait here while
 * the service is slow or down; when the buffer is full the oldest waiting item makes room
 * for the newest. A batch is sent again only when the answer says it may help
 * ({@link io.pepper.http.Verdict}); a batch the service refuses is set aside: a probe
 * keeps nothing on disk, so that means counted and logged with the reason. Every item
 * lost (pushed out, refused by the service, or given up on) is counted.
 *
 * @param <T> the item: a check result or a failure report
 */
final class BoundedSender<T> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BoundedSender.class);

	private static final long DROP_LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final String service;

	private final ServiceClient client;

	private final String path;

	private final DeliveryMeter meter;

	private final Backoff backoff;

	private final BiFunction<UUID, List<T>, Object> batchOf;

	private final Delivery.Settings settings;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final ArrayDeque<T> waiting = new ArrayDeque<>();

	private int inFlight;

	private boolean flushing;

	private boolean closed;

	private long lastDropLog = System.nanoTime() - DROP_LOG_EVERY_NANOS;

	private final AtomicLong droppedFull = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private final AtomicLong givenUp = new AtomicLong();

	private final AtomicLong delivered = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private final Thread sender;

	BoundedSender(ServiceClient client, String path, BiFunction<UUID, List<T>, Object> batchOf,
			Delivery.Settings settings, DeliveryMeter meter) {
		this.service = client.service();
		this.client = client;
		this.path = path;
		this.batchOf = batchOf;
		this.settings = settings;
		this.meter = meter;
		// Jitter: after an outage, the probes of every location come back spread out.
		this.backoff = Backoff.exponential(settings.backoff(), settings.maxBackoff()).withJitter();
		// A platform thread: serializing a batch is CPU work that must not hold a carrier
		// thread the checks' virtual threads need to take their timings promptly.
		this.sender = Thread.ofPlatform().name("probe-delivery-" + service).daemon().start(this::sendLoop);
	}

	/** Queues an item; never blocks on the service. */
	void offer(T item) {
		this.lock.lock();
		try {
			if (this.waiting.size() + this.inFlight >= this.settings.bufferCapacity()) {
				long dropped = this.droppedFull.incrementAndGet();
				if (this.waiting.isEmpty()) {
					// Everything held is in the batch being sent: the new item is the one
					// lost.
					logDrop(dropped);
					return;
				}
				this.waiting.pollFirst();
				logDrop(dropped);
			}
			this.waiting.addLast(item);
			if (this.waiting.size() == 1 || this.waiting.size() >= Delivery.BATCH_SIZE) {
				this.changed.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sends what waits without lingering and waits until nothing is left or the timeout
	 * passes; true when everything offered so far was delivered.
	 */
	boolean drain(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		this.lock.lock();
		try {
			this.flushing = true;
			this.changed.signalAll();
			while (this.waiting.size() + this.inFlight > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				this.changed.awaitNanos(left);
			}
			return lost() == 0;
		}
		finally {
			this.flushing = false;
			this.lock.unlock();
		}
	}

	/** Items waiting or being sent. */
	int buffered() {
		this.lock.lock();
		try {
			return this.waiting.size() + this.inFlight;
		}
		finally {
			this.lock.unlock();
		}
	}

	long droppedBecauseFull() {
		return this.droppedFull.get();
	}

	long rejected() {
		return this.rejected.get();
	}

	long givenUp() {
		return this.givenUp.get();
	}

	/** Items lost for any reason. */
	long lost() {
		return this.droppedFull.get() + this.rejected.get() + this.givenUp.get();
	}

	long delivered() {
		return this.delivered.get();
	}

	/** Failed attempts to send a batch. */
	long errors() {
		return this.errors.get();
	}

	String service() {
		return this.service;
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		this.sender.interrupt();
	}

	private void sendLoop() {
		while (true) {
			List<T> batch;
			try {
				batch = nextBatch();
			}
			catch (InterruptedException ex) {
				return;
			}
			if (batch == null) {
				return;
			}
			boolean sent = send(batch);
			this.lock.lock();
			try {
				this.inFlight = 0;
				if (sent) {
					this.delivered.addAndGet(batch.size());
				}
				this.changed.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	private @Nullable List<T> nextBatch() throws InterruptedException {
		this.lock.lock();
		try {
			while (this.waiting.isEmpty() && !this.closed) {
				this.changed.await();
			}
			if (this.closed) {
				return null;
			}
			// Let a batch fill up a little: one post per result would cost the service
			// more.
			long deadline = System.nanoTime() + this.settings.linger().toNanos();
			while (this.waiting.size() < Delivery.BATCH_SIZE && !this.flushing && !this.closed) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				this.changed.awaitNanos(left);
			}
			List<T> batch = new ArrayList<>(Math.min(this.waiting.size(), Delivery.BATCH_SIZE));
			while (batch.size() < Delivery.BATCH_SIZE && !this.waiting.isEmpty()) {
				batch.add(this.waiting.pollFirst());
			}
			this.inFlight = batch.size();
			return batch;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Posts one batch until it is accepted, refused or given up on; true if accepted. */
	private boolean send(List<T> batch) {
		// A retried batch keeps its id, so the service can recognise a replay.
		byte[] json = WireJson.mapper().writeValueAsBytes(this.batchOf.apply(UUID.randomUUID(), batch));
		String what = "a batch of " + batch.size();
		for (int attempt = 1;; attempt++) {
			Answer answer = this.client.send(this.path, json);
			if (answer.delivered()) {
				this.meter.delivered(batch.size());
				return true;
			}
			if (answer.setAside()) {
				this.rejected.addAndGet(batch.size());
				this.meter.setAside(batch.size(), what, answer, "and dropped (a probe keeps nothing on disk)");
				return false;
			}
			this.errors.incrementAndGet();
			int attempts = this.settings.attempts();
			if (attempts > 0 && attempt >= attempts) {
				this.givenUp.addAndGet(batch.size());
				log.warn("{}; giving up on {} after {} attempts", answer.reason(), what, attempt);
				return false;
			}
			Duration wait = this.backoff.after(attempt);
			this.meter.retrying(what + " (" + waitingCount() + " waiting behind it)", answer, wait);
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				this.givenUp.addAndGet(batch.size());
				log.warn("stopping with {} for {} undelivered", what, this.service);
				return false;
			}
		}
	}

	private int waitingCount() {
		this.lock.lock();
		try {
			return this.waiting.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	// Called with the lock held.
	private void logDrop(long dropped) {
		long now = System.nanoTime();
		if (now - this.lastDropLog >= DROP_LOG_EVERY_NANOS) {
			this.lastDropLog = now;
			log.warn("buffer for {} is full ({} items): dropping the oldest; {} dropped so far", this.service,
					this.settings.bufferCapacity(), dropped);
		}
	}

}
