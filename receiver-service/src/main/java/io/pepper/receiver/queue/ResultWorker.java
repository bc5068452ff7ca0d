package io.pepper.receiver.queue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.pepper.contracts.v1.ResultBatch;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStore;
import io.pepper.receiver.store.MetricStoreException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.MapRecord;

/**
 * Drains the results stream into the metric store on a thread of its own, as one consumer
 * of the group. An entry is acknowledged only after the store confirmed its write; a
 * failed write leaves it pending, and the worker retries its own pending entries first,
 * after a growing pause.
 */
public final class ResultWorker implements SmartLifecycle {

	/** After the Redis connection factory starts and before it stops (phase 0). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	/** How long stopping waits for a write in flight beyond one blocking read. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(15);

	private static final Logger log = LoggerFactory.getLogger(ResultWorker.class);

	private final ResultQueue queue;

	private final MetricStore store;

	private final String consumer;

	private final ReceiverProperties.Queue settings;

	private final Object lifecycle = new Object();

	private volatile boolean running;

	private @Nullable Thread thread;

	private CountDownLatch stopSignal = new CountDownLatch(0);

	public ResultWorker(ResultQueue queue, MetricStore store, String consumer, ReceiverProperties.Queue settings) {
		this.queue = queue;
		this.store = store;
		this.consumer = consumer;
		this.settings = settings;
	}

	/** The configured consumer name, or one unique to this process. */
	public static String consumerName(@Nullable String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured.strip();
		}
		return hostName() + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String hostName() {
		String host = System.getenv("HOSTNAME");
		if (host != null && !host.isBlank()) {
			return host.strip();
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "receiver";
		}
	}

	public String consumer() {
		return this.consumer;
	}

	@Override
	public void start() {
		synchronized (this.lifecycle) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.stopSignal = new CountDownLatch(1);
			this.thread = Thread.ofPlatform().name("results-worker-" + this.consumer).start(this::run);
		}
		log.info("Results worker {} started on stream {} in group {}", this.consumer, this.queue.stream(),
				this.queue.group());
	}

	@Override
	public void stop() {
		Thread worker;
		synchronized (this.lifecycle) {
			if (!this.running) {
				return;
			}
			this.running = false;
			this.stopSignal.countDown();
			worker = this.thread;
			this.thread = null;
		}
		if (worker != null) {
			awaitEnd(worker);
		}
		log.info("Results worker {} stopped", this.consumer);
	}

	private void awaitEnd(Thread worker) {
		try {
			if (!worker.join(this.settings.block().plus(STOP_GRACE))) {
				log.warn("Results worker {} did not finish in time; interrupting it", this.consumer);
				worker.interrupt();
				worker.join(Duration.ofSeconds(1));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void run() {
		prepareStore();
		boolean groupReady = false;
		boolean ownPendingFirst = true;
		int failures = 0;
		while (this.running) {
			try {
				if (!groupReady) {
					this.queue.createGroupIfAbsent();
					groupReady = true;
				}
				List<MapRecord<String, String, String>> entries = ownPendingFirst
						? this.queue.readPending(this.consumer, this.settings.readCount())
						: this.queue.readNew(this.consumer, this.settings.readCount(), this.settings.block());
				if (ownPendingFirst && entries.isEmpty()) {
					ownPendingFirst = false;
				}
				for (MapRecord<String, String, String> entry : entries) {
					if (!this.running) {
						break;
					}
					handle(entry);
				}
				if (failures > 0) {
					log.info("Results worker {} recovered after {} failed attempts", this.consumer, failures);
					failures = 0;
				}
			}
			catch (MetricStoreException ex) {
				failures++;
				ownPendingFirst = true;
				pauseAfter(failures, "the metric store did not confirm a write", ex);
			}
			catch (RuntimeException ex) {
				failures++;
				// The stream or group may have been deleted under us (NOGROUP): recreate
				// both.
				groupReady = false;
				ownPendingFirst = true;
				pauseAfter(failures, "reading the results stream failed", ex);
			}
		}
	}

	private void prepareStore() {
		try {
			this.store.prepare();
		}
		catch (MetricStoreException ex) {
			// Writes retry on their own; a store that cannot be prepared now may still
			// accept
			// them later.
			log.warn("Results worker {}: {}", this.consumer, ex.getMessage());
		}
	}

	private void handle(MapRecord<String, String, String> entry) {
		ResultBatch batch;
		try {
			batch = ResultQueue.decode(entry);
		}
		catch (RuntimeException ex) {
			// Ingest validated every entry, so this one was not written by us; retrying
			// cannot
			// help.
			log.error("Results worker {} drops unreadable entry {} of {}: {}", this.consumer, entry.getId(),
					this.queue.stream(), ex.getMessage());
			this.queue.acknowledge(entry.getId());
			return;
		}
		this.store.write(batch.results());
		this.queue.acknowledge(entry.getId());
		log.debug("Stored batch {} ({} results) from entry {}", batch.batchId(), batch.results().size(), entry.getId());
	}

	private void pauseAfter(int failures, String what, RuntimeException ex) {
		Duration pause = backoff(failures);
		if (failures == 1) {
			log.warn("Results worker {}: {}; retrying in {}", this.consumer, what, pause, ex);
		}
		else {
			log.warn("Results worker {}: {} ({} failed attempts): {}; retrying in {}", this.consumer, what, failures,
					ex.getMessage(), pause);
		}
		try {
			this.stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/** Doubles from the first pause per failure, up to the longest pause. */
	Duration backoff(int failures) {
		Duration pause = this.settings.retryBackoff();
		for (int i = 1; i < failures && pause.compareTo(this.settings.maxRetryBackoff()) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return (pause.compareTo(this.settings.maxRetryBackoff()) > 0) ? this.settings.maxRetryBackoff() : pause;
	}

}
