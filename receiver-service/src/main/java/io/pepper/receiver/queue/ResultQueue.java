package io.pepper.receiver.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis stream of accepted result batches, one entry per batch with fields
 * {@value #BATCH_FIELD} (the batch as wire JSON) and {@value #ID_FIELD} (its batch id),
 * read by one consumer group shared by every receiver instance.
 */
public final class ResultQueue {

	public static final String BATCH_FIELD = "batch";

	public static final String ID_FIELD = "id";

	/**
	 * Reading from this id returns a consumer's own delivered but unacknowledged entries.
	 */
	private static final ReadOffset OWN_PENDING = ReadOffset.from("0");

	private final StreamOperations<String, String, String> streams;

	private final String stream;

	private final String group;

	public ResultQueue(StringRedisTemplate redis, String stream, String group) {
		this.streams = redis.opsForStream();
		this.stream = stream;
		this.group = group;
	}

	public String stream() {
		return this.stream;
	}

	public String group() {
		return this.group;
	}

	/**
	 * Appends a batch; once this returns, Redis holds it.
	 * @throws QueueUnavailableException when Redis did not take it
	 */
	public RecordId enqueue(ResultBatch batch) {
		Map<String, String> fields = Map.of(BATCH_FIELD, WireJson.mapper().writeValueAsString(batch), ID_FIELD,
				batch.batchId().toString());
		try {
			RecordId id = this.streams.add(StreamRecords.string(fields).withStreamKey(this.stream));
			if (id == null) {
				throw new IllegalStateException("Redis returned no entry id");
			}
			return id;
		}
		catch (DataAccessException | IllegalStateException ex) {
			throw new QueueUnavailableException("Cannot queue batch " + batch.batchId() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Creates the consumer group, and the stream with it, unless it exists. Entries
	 * queued before the group existed are delivered too.
	 */
	void createGroupIfAbsent() {
		try {
			this.streams.createGroup(this.stream, ReadOffset.from("0"), this.group);
		}
		catch (DataAccessException ex) {
			if (!isBusyGroup(ex)) {
				throw ex;
			}
		}
	}

	private static boolean isBusyGroup(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("BUSYGROUP")) {
				return true;
			}
		}
		return false;
	}

	/** The entries delivered to {@code consumer} earlier and not acknowledged yet. */
	List<MapRecord<String, String, String>> readPending(String consumer, int count) {
		return orEmpty(this.streams.read(Consumer.from(this.group, consumer), StreamReadOptions.empty().count(count),
				StreamOffset.create(this.stream, OWN_PENDING)));
	}

	/**
	 * New entries for {@code consumer}, waiting up to {@code block} for some to arrive.
	 */
	List<MapRecord<String, String, String>> readNew(String consumer, int count, Duration block) {
		return orEmpty(this.streams.read(Consumer.from(this.group, consumer),
				StreamReadOptions.empty().count(count).block(block),
				StreamOffset.create(this.stream, ReadOffset.lastConsumed())));
	}

	void acknowledge(RecordId id) {
		this.streams.acknowledge(this.stream, this.group, id);
	}

	/** The batch an entry holds. */
	static ResultBatch decode(MapRecord<String, String, String> entry) {
		String json = entry.getValue().get(BATCH_FIELD);
		if (json == null) {
			throw new IllegalArgumentException("entry has no " + BATCH_FIELD + " field");
		}
		return WireJson.mapper().readValue(json, ResultBatch.class);
	}

	private static <T> List<T> orEmpty(@Nullable List<T> entries) {
		return (entries != null) ? entries : List.of();
	}

}
