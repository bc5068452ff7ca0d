package io.pepper.receiver.queue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.http.Backoff;
import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStore;
import io.pepper.receiver.store.MetricStoreException;
import io.pepper.receiver.store.MetricStoreRejectedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;

/**
 * Drains the results stream into the metric store on a thread of its own, as one consumer
 * of the group. An entry is acknowledged only after the store confirmed its write. While
 * the store is unavailable the worker retries the entry in memory after a growing pause,
 * while a lease thread keeps the entries it works on claimed. Results the store rejects
 * go to the dead-letter stream on their own, the rest of their batch is stored; an entry
 * that cannot be read, or that failed {@code max-deliveries} times goes there whole.
 * Every {@code housekeeping-interval} the worker trims acknowledged entries, claims those
 * other workers left idle for {@code claim-idle}, e.g. because they died, and removes
 * from the group the consumers that hold nothing and have not read for a claim-idle
 * period (a live worker reads at least every {@code block}); a worker that stops leaves
 * the group itself once it holds nothing, so restarts under new names do not pile
 * consumers up. Entries are read in batches: up to {@code read-count} entries, waiting up
 * to {@code linger} for more until they hold {@code batch-size} results, and stored in
 * one write per {@code batch-size} results.
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

	private final ReceiverProperties.Worker batching;

	private final IntConsumer stored;

	private final Object lifecycle = new Object();

	private volatile boolean running;

	private @Nullable Thread thread;

	private CountDownLatch stopSignal = new CountDownLatch(0);

	/** Failed attempts in a row, of any kind; only the worker's thread touches it. */
	private int failures;

	/**
	 * The entries being worked on, kept claimed by a lease thread, so a slow write or a
	 * long retry never looks like a dead worker to the others.
	 */
	private final Set<RecordId> held = ConcurrentHashMap.newKeySet();

	/** A worker that stores each entry in a write of its own. */
	public ResultWorker(ResultQueue queue, MetricStore store, String consumer, ReceiverProperties.Queue settings) {
		this(queue, store, consumer, settings, ReceiverProperties.Worker.unbatched());
	}

	public ResultWorker(ResultQueue queue, MetricStore store, String consumer, ReceiverProperties.Queue settings,
			ReceiverProperties.Worker batching) {
		this(queue, store, consumer, settings, batching, (results) -> {
		});
	}

	/**
	 * @param stored told how many results each confirmed store write held, e.g. to count
	 * the drain rate
	 */
	public ResultWorker(ResultQueue queue, MetricStore store, String consumer, ReceiverProperties.Queue settings,
			ReceiverProperties.Worker batching, IntConsumer stored) {
		this.queue = queue;
		this.store = store;
		this.consumer = consumer;
		this.settings = settings;
		this.batching = batching;
		this.stored = stored;
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
			this.thread = Thread.ofPlatform()
				.name("results-worker-" + this.consumer)
				.uncaughtExceptionHandler((thread, ex) -> log.error(
						"Results worker {} died; its pending entries go to another worker after {}", this.consumer,
						this.settings.claimIdle(), ex))
				.start(this::run);
			Thread.ofVirtual().name("results-lease-" + this.consumer).start(this::renewLease);
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
		removeSelfIfIdle();
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

	/**
	 * Leaves the group when nothing is pending with this worker any more, so consumers do
	 * not pile up over restarts; with entries pending it stays, and another worker claims
	 * them after {@code claim-idle} and then removes it.
	 */
	private void removeSelfIfIdle() {
		try {
			if (this.queue.removeConsumerIfIdle(this.consumer)) {
				log.debug("Results worker {} left group {}", this.consumer, this.queue.group());
			}
		}
		catch (RuntimeException ex) {
			log.debug("Results worker {} could not leave group {}: {}", this.consumer, this.queue.group(),
					ex.toString());
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
		this.queue.durabilityWarning()
			.ifPresent((warning) -> log.warn("Results worker {}: {}", this.consumer, warning));
		prepareStore();
		boolean groupReady = false;
		boolean ownPendingFirst = true;
		long nextHousekeeping = System.nanoTime();
		while (this.running) {
			try {
				if (!groupReady) {
					this.queue.createGroupIfAbsent();
					groupReady = true;
				}
				List<ResultQueue.Delivery> entries = List.of();
				if (ownPendingFirst) {
					entries = this.queue.readPending(this.consumer, this.settings.readCount());
					ownPendingFirst = !entries.isEmpty();
				}
				else if (System.nanoTime() - nextHousekeeping >= 0) {
					nextHousekeeping = System.nanoTime() + this.settings.housekeepingInterval().toNanos();
					entries = housekeep();
				}
				if (entries.isEmpty() && !ownPendingFirst) {
					entries = fill(this.queue.readNew(this.consumer, this.settings.readCount(), this.settings.block()));
				}
				handleAll(entries);
				recovered();
			}
			catch (EntryFailedException ex) {
				// Left pending: reading our own pending entries again counts a delivery.
				ownPendingFirst = true;
				pauseAfter(++this.failures, "an entry could not be stored",
						Objects.requireNonNullElse(ex.getCause(), ex));
			}
			catch (RuntimeException ex) {
				// The stream or group may have been deleted under us (NOGROUP): recreate
				// both.
				groupReady = false;
				ownPendingFirst = true;
				pauseAfter(++this.failures, "reading the results stream failed", ex);
			}
		}
	}

	/** Trims the stream and claims entries other workers left idle too long. */
	private List<ResultQueue.Delivery> housekeep() {
		long trimmed = this.queue.trim(this.settings.maxLength());
		if (trimmed > 0) {
			log.debug("Results worker {} trimmed {} acknowledged entries of {}", this.consumer, trimmed,
					this.queue.stream());
		}
		List<String> removed = this.queue.removeIdleConsumers(this.consumer, this.settings.claimIdle());
		if (!removed.isEmpty()) {
			log.info("Results worker {} removed {} consumers without pending entries idle for over {}: {}",
					this.consumer, removed.size(), this.settings.claimIdle(), removed);
		}
		ResultQueue.Claimed claimed = this.queue.claimIdle(this.consumer, this.settings.claimIdle(),
				this.settings.readCount());
		if (!claimed.gone().isEmpty()) {
			log.warn("Results worker {} acknowledged {} pending entries of {} whose data was already removed: {}",
					this.consumer, claimed.gone().size(), this.queue.stream(), claimed.gone());
		}
		if (!claimed.entries().isEmpty()) {
			log.info("Results worker {} claimed {} entries idle for over {}", this.consumer, claimed.entries().size(),
					this.settings.claimIdle());
		}
		return claimed.entries();
	}

	private void prepareStore() {
		try {
			this.store.prepare();
		}
		catch (MetricStoreException ex) {
			// Writes retry on their own; a store that cannot be prepared now may still
			// accept them later.
			log.warn("Results worker {}: {}", this.consumer, ex.getMessage());
		}
	}

	/**
	 * Reads more new entries, for up to {@code linger}, until those read hold
	 * {@code batch-size} results or {@code read-count} entries.
	 */
	private List<ResultQueue.Delivery> fill(List<ResultQueue.Delivery> entries) {
		if (entries.isEmpty() || this.batching.linger().isZero()) {
			return entries;
		}
		List<ResultQueue.Delivery> filled = new ArrayList<>(entries);
		int results = filled.stream().mapToInt(ResultWorker::size).sum();
		long deadline = System.nanoTime() + this.batching.linger().toNanos();
		while (this.running && results < this.batching.batchSize() && filled.size() < this.settings.readCount()) {
			long left = deadline - System.nanoTime();
			if (left < TimeUnit.MILLISECONDS.toNanos(1)) {
				break;
			}
			List<ResultQueue.Delivery> more = this.queue.readNew(this.consumer,
					this.settings.readCount() - filled.size(), Duration.ofNanos(left));
			if (more.isEmpty()) {
				break;
			}
			filled.addAll(more);
			results += more.stream().mapToInt(ResultWorker::size).sum();
		}
		return filled;
	}

	/** How many results an entry holds, decoding it once; 0 when it cannot be read. */
	private static int size(ResultQueue.Delivery delivery) {
		ResultBatch batch = batchOf(delivery);
		return (batch != null) ? batch.results().size() : 0;
	}

	private static @Nullable ResultBatch batchOf(ResultQueue.Delivery delivery) {
		if (delivery.batch() == null && !delivery.entry().getValue().isEmpty()) {
			try {
				delivery.decoded(ResultQueue.decode(delivery.entry()));
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return delivery.batch();
	}

	/**
	 * Stores the entries in writes of up to {@code batch-size} results, each write
	 * holding whole entries; an entry that is unreadable, delivered too often, or part of
	 * a write that failed is handled on its own (retries, refusals, dead letters).
	 */
	private void handleAll(List<ResultQueue.Delivery> entries) {
		entries.forEach((delivery) -> this.held.add(delivery.id()));
		try {
			List<ResultQueue.Delivery> group = new ArrayList<>();
			int results = 0;
			for (ResultQueue.Delivery delivery : entries) {
				if (!this.running) {
					return;
				}
				ResultBatch batch = (delivery.deliveries() > this.settings.maxDeliveries()) ? null : batchOf(delivery);
				if (batch == null) {
					handle(delivery);
					this.held.remove(delivery.id());
					continue;
				}
				if (!group.isEmpty() && results + batch.results().size() > this.batching.batchSize()) {
					handleGroup(group);
					group = new ArrayList<>();
					results = 0;
				}
				group.add(delivery);
				results += batch.results().size();
			}
			if (!group.isEmpty() && this.running) {
				handleGroup(group);
			}
		}
		finally {
			this.held.clear();
		}
	}

	private void handleGroup(List<ResultQueue.Delivery> group) {
		if (group.size() == 1) {
			handle(group.getFirst());
			this.held.remove(group.getFirst().id());
			return;
		}
		List<CheckResult> results = new ArrayList<>();
		group.forEach((delivery) -> results.addAll(Objects.requireNonNull(delivery.batch()).results()));
		try {
			this.store.write(results);
		}
		catch (RuntimeException ex) {
			log.debug("Results worker {}: a write of {} entries failed, storing them one by one: {}", this.consumer,
					group.size(), describe(ex));
			for (ResultQueue.Delivery delivery : group) {
				if (!this.running) {
					return;
				}
				handle(delivery);
				this.held.remove(delivery.id());
			}
			return;
		}
		this.queue.acknowledge(group.stream().map(ResultQueue.Delivery::id).toList());
		group.forEach((delivery) -> this.held.remove(delivery.id()));
		this.stored.accept(results.size());
		recovered();
		log.debug("Stored {} results from {} entries", results.size(), group.size());
	}

	/**
	 * Claims the held entries again every third of {@code claim-idle}, resetting their
	 * idle time without counting a delivery.
	 */
	private void renewLease() {
		long period = Math.max(1, this.settings.claimIdle().toMillis() / 3);
		while (this.running) {
			try {
				if (this.stopSignal.await(period, TimeUnit.MILLISECONDS)) {
					return;
				}
				if (!this.held.isEmpty()) {
					this.queue.keepClaimed(this.consumer, List.copyOf(this.held));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.debug("Results worker {} could not renew its claim: {}", this.consumer, ex.toString());
			}
		}
	}

	private void handle(ResultQueue.Delivery delivery) {
		MapRecord<String, String, String> entry = delivery.entry();
		if (entry.getValue().isEmpty()) {
			log.warn("Results worker {} acknowledges entry {} of {} whose data was already removed", this.consumer,
					entry.getId(), this.queue.stream());
			this.queue.acknowledge(entry.getId());
			return;
		}
		if (delivery.deliveries() > this.settings.maxDeliveries()) {
			deadLetter(delivery, "delivered " + delivery.deliveries() + " times and never acknowledged: "
					+ "each worker it went to stopped before storing it");
			return;
		}
		ResultBatch batch;
		try {
			batch = (delivery.batch() != null) ? delivery.batch() : ResultQueue.decode(entry);
		}
		catch (RuntimeException ex) {
			// Ingest validated every entry, so this one was not written by us; retrying
			// cannot help.
			deadLetter(delivery, "unreadable entry: " + describe(ex));
			return;
		}
		while (this.running) {
			Map<Integer, String> refused = new TreeMap<>();
			try {
				storeOrSetAside(batch.results(), 0, refused);
			}
			catch (MetricStoreException ex) {
				// The store, not the entry, is at fault: retry in memory, so an outage
				// uses up no delivery attempts, and keep the entries ours meanwhile.
				pauseAfter(++this.failures, "the metric store did not confirm a write", ex);
				if (!this.queue.keepClaimed(this.consumer, List.of(entry.getId())).contains(entry.getId())) {
					log.info("Results worker {} drops entry {}: it is no longer pending", this.consumer, entry.getId());
					return;
				}
				continue;
			}
			catch (RuntimeException ex) {
				if (delivery.deliveries() >= this.settings.maxDeliveries()) {
					deadLetter(delivery, describe(ex));
					return;
				}
				throw new EntryFailedException(ex);
			}
			if (refused.size() == batch.results().size() && refused.size() == 1) {
				deadLetter(delivery, "the metric store rejected it: " + refused.get(0), null);
			}
			else if (!refused.isEmpty()) {
				// Only the refused results are set aside; the others are stored.
				List<CheckResult> refusedResults = refused.keySet().stream().map(batch.results()::get).toList();
				deadLetter(delivery,
						"the metric store rejected " + refused.size() + " of " + batch.results().size() + " results: "
								+ refused.entrySet()
									.stream()
									.map((item) -> "results[" + item.getKey() + "]: " + item.getValue())
									.collect(Collectors.joining("; ")),
						new ResultBatch(batch.batchId(), batch.probe(), refusedResults));
			}
			else {
				this.queue.acknowledge(entry.getId());
			}
			this.stored.accept(batch.results().size() - refused.size());
			recovered();
			log.debug("Stored batch {} ({} of {} results) from entry {}", batch.batchId(),
					batch.results().size() - refused.size(), batch.results().size(), entry.getId());
			return;
		}
	}

	/**
	 * Writes the results; when the store refuses them, writes each half again, so that in
	 * the end only the results the store refuses on their own are left out, recorded in
	 * {@code refused} by their index in the batch. Writes overwrite and rollups are
	 * recomputed, so writing a result again is harmless.
	 * @throws MetricStoreException when the store did not answer (not a refusal)
	 */
	private void storeOrSetAside(List<CheckResult> results, int offset, Map<Integer, String> refused) {
		try {
			this.store.write(results);
		}
		catch (MetricStoreRejectedException ex) {
			if (results.size() == 1) {
				refused.put(offset, describe(ex));
				return;
			}
			int half = results.size() / 2;
			storeOrSetAside(results.subList(0, half), offset, refused);
			storeOrSetAside(results.subList(half, results.size()), offset + half, refused);
		}
	}

	private void recovered() {
		if (this.failures > 0) {
			log.info("Results worker {} recovered after {} failed attempts", this.consumer, this.failures);
			this.failures = 0;
		}
	}

	private void deadLetter(ResultQueue.Delivery delivery, String error) {
		deadLetter(delivery, error, null);
	}

	/** With {@code only}, the dead letter holds that batch instead of the entry's. */
	private void deadLetter(ResultQueue.Delivery delivery, String error, @Nullable ResultBatch only) {
		boolean moved = this.queue.deadLetter(delivery.entry(), delivery.deliveries(), this.consumer, error,
				this.settings.deadLetterMaxLength(), only);
		if (moved) {
			log.error("Results worker {} moved entry {} (delivery {}) to {}: {}", this.consumer, delivery.id(),
					delivery.deliveries(), this.queue.deadLetterStream(), error);
		}
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return (message != null) ? message : ex.getClass().getName();
	}

	private void pauseAfter(int failures, String what, Throwable ex) {
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
		return Backoff.exponential(this.settings.retryBackoff(), this.settings.maxRetryBackoff()).after(failures);
	}

	/** Storing an entry failed for a reason of its own; it stays pending. */
	private static final class EntryFailedException extends RuntimeException {

		EntryFailedException(RuntimeException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
