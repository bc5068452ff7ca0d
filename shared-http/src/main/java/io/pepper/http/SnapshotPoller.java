package io.pepper.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snapshot one of our services serves, fetched again on each {@link #refresh()} with
 * its ETag so an unchanged one costs a 304, and kept: while the service is away or
 * answers something unreadable, the last good snapshot stays in use. Before the first one
 * arrives there is none ({@link #current()} is null). Refreshes are serialized; reads
 * never wait.
 *
 * @param <T> the snapshot's wire type
 */
public final class SnapshotPoller<T> {

	private static final Logger log = LoggerFactory.getLogger(SnapshotPoller.class);

	private final ServiceClient client;

	private final String what;

	private final Class<T> type;

	private final String path;

	private final Object[] variables;

	private final List<Consumer<? super T>> listeners = new ArrayList<>();

	private volatile @Nullable T current;

	private volatile @Nullable String etag;

	private volatile String detail = "not fetched yet";

	private volatile @Nullable ScheduledExecutorService executor;

	private boolean failing;

	/**
	 * @param client the service that serves the snapshot
	 * @param what what the snapshot is, for logs ("the alerting snapshot")
	 * @param type its wire type
	 * @param path its path under the service's base URL, see {@link ServiceClient#uri}
	 * @param variables the path's placeholders' values
	 */
	public SnapshotPoller(ServiceClient client, String what, Class<T> type, String path, Object... variables) {
		this.client = client;
		this.what = what;
		this.type = type;
		this.path = path;
		this.variables = variables.clone();
	}

	/**
	 * Calls {@code listener} with every new snapshot before it becomes current; when a
	 * listener throws, the snapshot is refused like an unreadable one and the last stays.
	 */
	public synchronized SnapshotPoller<T> onUpdate(Consumer<? super T> listener) {
		this.listeners.add(listener);
		return this;
	}

	/** The last good snapshot, or null before the first arrived. */
	public @Nullable T current() {
		return this.current;
	}

	/**
	 * What the last refresh did, for logs: "fetched", "not modified" or why it failed.
	 */
	public String detail() {
		return this.detail;
	}

	public URI uri() {
		return this.client.uri(this.path, this.variables);
	}

	/** Fetches the snapshot unless it is unchanged; never throws. */
	public synchronized Refresh refresh() {
		T known = this.current;
		String condition = (known != null) ? this.etag : null;
		ServiceClient.Conditional<T> answer;
		try {
			answer = this.client.getIfChanged(this.path, condition, this.type, this.variables);
		}
		catch (ServiceCallException ex) {
			return failed(ex.getMessage());
		}
		if (answer.notModified()) {
			if (known == null) {
				return failed(this.client.service() + " answered 304 to an unconditional request");
			}
			recovered();
			this.detail = "not modified";
			return Refresh.NOT_MODIFIED;
		}
		T snapshot = answer.body();
		try {
			for (Consumer<? super T> listener : this.listeners) {
				listener.accept(snapshot);
			}
		}
		catch (RuntimeException ex) {
			return failed(this.client.service() + " sent " + this.what + " that cannot be used: " + ex);
		}
		this.current = snapshot;
		this.etag = answer.etag();
		recovered();
		this.detail = "fetched";
		return Refresh.UPDATED;
	}

	/**
	 * Refreshes now and then every {@code interval}, on a virtual thread, until stopped.
	 */
	public synchronized void start(Duration interval) {
		if (this.executor != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("poll-" + this.client.service()).factory());
		scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			this.executor = null;
			scheduler.shutdownNow();
		}
	}

	public boolean isRunning() {
		return this.executor != null;
	}

	/** Logs the first failure of an outage as a warning and the rest at debug level. */
	private Refresh failed(@Nullable String why) {
		this.detail = String.valueOf(why);
		String keeping = (this.current != null) ? "the last one" : "none";
		if (!this.failing) {
			log.warn("Cannot refresh {} from {} ({}); keeping {}", this.what, this.client.service(), why, keeping);
		}
		else {
			log.debug("Cannot refresh {} from {} ({}); keeping {}", this.what, this.client.service(), why, keeping);
		}
		this.failing = true;
		return Refresh.FAILED;
	}

	private void recovered() {
		if (this.failing) {
			this.failing = false;
			log.info("{} answers {} again", this.client.service(), this.what);
		}
	}

	/** What a refresh did. */
	public enum Refresh {

		/** A new snapshot is current. */
		UPDATED,
		/** The service answered 304: the current snapshot still holds. */
		NOT_MODIFIED,
		/** No usable answer: the last good snapshot (if any) stays. */
		FAILED

	}

}
