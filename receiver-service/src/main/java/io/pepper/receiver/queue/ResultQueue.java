package io.pepper.receiver.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis stream of accepted result batches, one entry per batch with fields
 * {@value #BATCH_FIELD} (the batch as wire JSON) and {@value #ID_FIELD} (its batch id),
 * read by one consumer group shared by every receiver instance. Entries that cannot be
 * stored move to a dead-letter stream with the original fields plus
 * {@value #ERROR_FIELD}, {@value #SOURCE_ENTRY_FIELD}, {@value #DELIVERIES_FIELD},
 * {@value #CONSUMER_FIELD} and {@value #DEAD_AT_FIELD}.
 */
public final class ResultQueue {

	public static final String BATCH_FIELD = "batch";

	public static final String ID_FIELD = "id";

	public static final String ERROR_FIELD = "error";

	public static final String SOURCE_ENTRY_FIELD = "source-entry";

	public static final String DELIVERIES_FIELD = "deliveries";

	public static final String CONSUMER_FIELD = "consumer";

	public static final String DEAD_AT_FIELD = "dead-at";

	/**
	 * Reading from this id returns a consumer's own delivered but unacknowledged entries.
	 */
	private static final ReadOffset OWN_PENDING = ReadOffset.from("0");

	/**
	 * Claims idle entries of any consumer and looks up how often each was delivered;
	 * entries whose data is gone (trimmed or deleted) are acknowledged and listed apart.
	 * Redis 6.2 returns such entries with no fields instead of in a third list.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = RedisScript.of("""
			local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', ARGV[4])
			local deleted = claimed[3] or {}
			local entries = {}
			for _, entry in ipairs(claimed[2]) do
			  if entry[2] then
			    local pending = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
			    local deliveries = 1
			    if pending[1] then deliveries = pending[1][4] end
			    table.insert(entries, {entry[1], entry[2], deliveries})
			  else
			    table.insert(deleted, entry[1])
			  end
			end
			if #deleted > 0 then redis.call('XACK', KEYS[1], ARGV[1], unpack(deleted)) end
			return {entries, deleted}
			""", List.class);

	/**
	 * Adds an entry to the dead-letter stream and acknowledges it on the results stream
	 * in one step, unless another worker acknowledged it meanwhile.
	 */
	private static final RedisScript<Long> DEAD_LETTER = RedisScript.of("""
			local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
			if not pending[1] then return 0 end
			local fields = {}
			for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
			redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(fields))
			return redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
			""", Long.class);

	/**
	 * Trims entries older than the oldest pending one, or than the group's last delivered
	 * one when nothing is pending, once the stream is longer than ARGV[2]. Atomic, so no
	 * entry can be delivered between choosing the id and trimming.
	 */
	/**
	 * Removes, in one step, the consumers other than ARGV[2] that hold no pending entry
	 * and were idle longer than ARGV[3] ms: nothing of theirs is lost, and a live one
	 * that reads again is simply recreated.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> REMOVE_IDLE_CONSUMERS = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
			local removed = {}
			for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
				local info = {}
				for i = 1, #consumer, 2 do info[consumer[i]] = consumer[i + 1] end
				if info['name'] ~= ARGV[2] and info['pending'] == 0 and info['idle'] > tonumber(ARGV[3]) then
					redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
					removed[#removed + 1] = info['name']
				end
			end
			return removed
			""", List.class);

	/** Deletes consumer ARGV[2] of group ARGV[1] if it holds no pending entry. */
	private static final RedisScript<Long> REMOVE_CONSUMER_IF_IDLE = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			local ok, consumers = pcall(redis.call, 'XINFO', 'CONSUMERS', KEYS[1], ARGV[1])
			if not ok then return 0 end
			for _, consumer in ipairs(consumers) do
				local info = {}
				for i = 1, #consumer, 2 do info[consumer[i]] = consumer[i + 1] end
				if info['name'] == ARGV[2] and info['pending'] == 0 then
					return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2]) + 1
				end
			end
			return 0
			""", Long.class);

	/**
	 * The group's lag (entries not delivered yet, -1 when Redis does not know) and its
	 * pending count.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> BACKLOG = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return {0, 0} end
			for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
				local info = {}
				for i = 1, #group, 2 do info[group[i]] = group[i + 1] end
				if info['name'] == ARGV[1] then
					local lag = info['lag']
					if type(lag) ~= 'number' then lag = -1 end
					return {lag, info['pending']}
				end
			end
			return {-1, 0}
			""", List.class);

	private static final RedisScript<Long> TRIM = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			if redis.call('XLEN', KEYS[1]) <= tonumber(ARGV[2]) then return 0 end
			local lastDelivered = nil
			for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
			  local name, last
			  for i = 1, #group, 2 do
			    if group[i] == 'name' then name = group[i + 1] end
			    if group[i] == 'last-delivered-id' then last = group[i + 1] end
			  end
			  if name == ARGV[1] then lastDelivered = last end
			end
			if not lastDelivered then return 0 end
			local oldest = lastDelivered
			local pending = redis.call('XPENDING', KEYS[1], ARGV[1])
			if pending[1] > 0 then oldest = pending[2] end
			return redis.call('XTRIM', KEYS[1], 'MINID', oldest)
			""", Long.class);

	private final StringRedisTemplate redis;

	private final StreamOperations<String, String, String> streams;

	private final String stream;

	private final String deadLetterStream;

	private final String group;

	public ResultQueue(StringRedisTemplate redis, String stream, String deadLetterStream, String group) {
		this.redis = redis;
		this.streams = redis.opsForStream();
		this.stream = stream;
		this.deadLetterStream = deadLetterStream;
		this.group = group;
	}

	public String stream() {
		return this.stream;
	}

	public String deadLetterStream() {
		return this.deadLetterStream;
	}

	public String group() {
		return this.group;
	}

	/**
	 * Appends a batch; once this returns, Redis holds it.
	 * @throws QueueUnavailableException when Redis did not take it
	 */
	public RecordId enqueue(ResultBatch batch) {
		return enqueue(batch, WireJson.mapper().writeValueAsString(batch));
	}

	/**
	 * Appends a batch as the JSON it was parsed from, sparing a second serialization; the
	 * worker parses it with the same mapper.
	 * @param batch the parsed batch
	 * @param json the wire JSON {@code batch} was parsed from
	 * @throws QueueUnavailableException when Redis did not take it
	 */
	public RecordId enqueue(ResultBatch batch, String json) {
		Map<String, String> fields = Map.of(BATCH_FIELD, json, ID_FIELD, batch.batchId().toString());
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

	/**
	 * The entries delivered to {@code consumer} earlier and not acknowledged yet, each
	 * with how often it was delivered, this time included. An entry whose data was
	 * trimmed or deleted has no fields.
	 */
	List<Delivery> readPending(String consumer, int count) {
		List<MapRecord<String, String, String>> entries = orEmpty(this.streams.read(Consumer.from(this.group, consumer),
				StreamReadOptions.empty().count(count), StreamOffset.create(this.stream, OWN_PENDING)));
		if (entries.isEmpty()) {
			return List.of();
		}
		Map<String, Long> deliveries = new HashMap<>();
		PendingMessages pending = this.streams.pending(this.stream, Consumer.from(this.group, consumer),
				Range.closed(entries.getFirst().getId().getValue(), entries.getLast().getId().getValue()),
				entries.size());
		for (PendingMessage message : pending) {
			deliveries.put(message.getIdAsString(), message.getTotalDeliveryCount());
		}
		return entries.stream()
			.map((entry) -> new Delivery(entry, deliveries.getOrDefault(entry.getId().getValue(), 1L)))
			.toList();
	}

	/**
	 * New entries for {@code consumer}, waiting up to {@code block} for some to arrive.
	 */
	List<Delivery> readNew(String consumer, int count, Duration block) {
		return orEmpty(this.streams.read(Consumer.from(this.group, consumer),
				StreamReadOptions.empty().count(count).block(block),
				StreamOffset.create(this.stream, ReadOffset.lastConsumed())))
			.stream()
			.map((entry) -> new Delivery(entry, 1))
			.toList();
	}

	/**
	 * Claims for {@code consumer} up to {@code count} entries that were delivered to any
	 * consumer and left unacknowledged for at least {@code minIdle}; acknowledges those
	 * whose data is gone.
	 */
	Claimed claimIdle(String consumer, Duration minIdle, int count) {
		List<?> reply = this.redis.execute(CLAIM, List.of(this.stream), this.group, consumer,
				String.valueOf(minIdle.toMillis()), String.valueOf(count));
		if (reply == null || reply.size() < 2) {
			return new Claimed(List.of(), List.of());
		}
		List<Delivery> claimed = new ArrayList<>();
		for (Object item : (List<?>) reply.get(0)) {
			List<?> triple = (List<?>) item;
			RecordId id = RecordId.of((String) triple.get(0));
			claimed.add(new Delivery(
					StreamRecords.newRecord().in(this.stream).withId(id).ofMap(fields((List<?>) triple.get(1))),
					((Number) triple.get(2)).longValue()));
		}
		List<RecordId> gone = ((List<?>) reply.get(1)).stream().map((id) -> RecordId.of((String) id)).toList();
		return new Claimed(claimed, gone);
	}

	/**
	 * Removes the consumers of the group, other than {@code self}, that hold no pending
	 * entry and were idle longer than {@code idle}, e.g. those of workers that died or
	 * restarted under a new name.
	 * @return the names removed
	 */
	List<String> removeIdleConsumers(String self, Duration idle) {
		List<?> removed = this.redis.execute(REMOVE_IDLE_CONSUMERS, List.of(this.stream), this.group, self,
				String.valueOf(idle.toMillis()));
		return (removed != null) ? removed.stream().map(String::valueOf).toList() : List.of();
	}

	private static Map<String, String> fields(List<?> flat) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			fields.put((String) flat.get(i), (String) flat.get(i + 1));
		}
		return fields;
	}

	/**
	 * Resets the idle time of entries {@code consumer} still works on, without counting a
	 * delivery, so no other worker claims them meanwhile.
	 * @return the ids that are still pending, now with {@code consumer}
	 */
	List<RecordId> keepClaimed(String consumer, List<RecordId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<RecordId> kept = this.redis
			.execute((RedisCallback<List<RecordId>>) (connection) -> connection.streamCommands()
				.xClaimJustId(this.stream.getBytes(java.nio.charset.StandardCharsets.UTF_8), this.group, consumer,
						XClaimOptions.minIdle(Duration.ZERO).ids(ids)));
		return orEmpty(kept);
	}

	/**
	 * Why Redis may lose entries it confirmed, as its configuration says: without the
	 * append-only file fsynced on every write, a crash loses the last writes. Empty when
	 * it is durable, or when Redis does not disclose its configuration (managed
	 * services).
	 */
	public Optional<String> durabilityWarning() {
		try {
			Properties config = this.redis
				.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().getConfig("append*"));
			if (config == null) {
				return Optional.empty();
			}
			String appendOnly = config.getProperty("appendonly", "");
			String fsync = config.getProperty("appendfsync", "");
			if (!"yes".equals(appendOnly)) {
				return Optional.of("Redis has appendonly " + appendOnly
						+ ": batches answered 201 are lost if Redis restarts; run it with appendonly yes and "
						+ "appendfsync always");
			}
			if (!"always".equals(fsync)) {
				return Optional.of("Redis has appendfsync " + fsync
						+ ": batches answered 201 within the last second are lost if Redis crashes; "
						+ "appendfsync always loses none");
			}
			return Optional.empty();
		}
		catch (DataAccessException ex) {
			return Optional.empty();
		}
	}

	void acknowledge(RecordId id) {
		this.streams.acknowledge(this.stream, this.group, id);
	}

	/** Acknowledges several entries in one command. */
	void acknowledge(List<RecordId> ids) {
		if (!ids.isEmpty()) {
			this.streams.acknowledge(this.stream, this.group, ids.toArray(RecordId[]::new));
		}
	}

	/**
	 * Removes {@code consumer} from the group if no entry is pending with it, in one
	 * step, so nothing it holds is lost.
	 * @return whether it was removed
	 */
	boolean removeConsumerIfIdle(String consumer) {
		Long removed = this.redis.execute(REMOVE_CONSUMER_IF_IDLE, List.of(this.stream), this.group, consumer);
		return removed != null && removed > 0;
	}

	/**
	 * Entries not delivered to any consumer yet plus those delivered and not
	 * acknowledged: what the workers still have to store. Null when Redis does not say
	 * (no group yet, or Redis older than 7).
	 */
	public @Nullable Long backlog() {
		List<?> reply = this.redis.execute(BACKLOG, List.of(this.stream), this.group);
		if (reply == null || reply.size() < 2 || ((Number) reply.get(0)).longValue() < 0) {
			return null;
		}
		return ((Number) reply.get(0)).longValue() + ((Number) reply.get(1)).longValue();
	}

	/** Entries delivered to a consumer and not acknowledged yet. */
	public long pending() {
		PendingMessagesSummary summary = this.streams.pending(this.stream, this.group);
		return (summary != null) ? summary.getTotalPendingMessages() : 0;
	}

	/**
	 * Moves a pending entry to the dead-letter stream with its error and acknowledges it.
	 * @return false when it was not pending any more, e.g. another worker stored it
	 */
	boolean deadLetter(MapRecord<String, String, String> entry, long deliveries, String consumer, String error,
			long deadLetterMaxLength) {
		return deadLetter(entry, deliveries, consumer, error, deadLetterMaxLength, null);
	}

	/**
	 * Like {@link #deadLetter(MapRecord, long, String, String, long)}, the dead letter
	 * holding {@code only} (the part of the entry's batch set aside) when given.
	 */
	boolean deadLetter(MapRecord<String, String, String> entry, long deliveries, String consumer, String error,
			long deadLetterMaxLength, @Nullable ResultBatch only) {
		List<String> args = new ArrayList<>();
		args.add(this.group);
		args.add(entry.getId().getValue());
		args.add(String.valueOf(deadLetterMaxLength));
		Map<String, String> fields = new LinkedHashMap<>(entry.getValue());
		if (only != null) {
			fields.put(BATCH_FIELD, WireJson.mapper().writeValueAsString(only));
		}
		fields.put(ERROR_FIELD, error);
		fields.put(SOURCE_ENTRY_FIELD, entry.getId().getValue());
		fields.put(DELIVERIES_FIELD, String.valueOf(deliveries));
		fields.put(CONSUMER_FIELD, consumer);
		fields.put(DEAD_AT_FIELD, Instant.now().toString());
		fields.forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		Long acknowledged = this.redis.execute(DEAD_LETTER, List.of(this.stream, this.deadLetterStream),
				args.toArray());
		return acknowledged != null && acknowledged > 0;
	}

	/**
	 * Once the stream is longer than {@code maxLength}, removes the entries every
	 * consumer of the group is done with: those older than the oldest pending entry.
	 * Entries not yet delivered and pending ones stay, whatever the length.
	 * @return how many entries were removed
	 */
	long trim(long maxLength) {
		Long trimmed = this.redis.execute(TRIM, List.of(this.stream), this.group, String.valueOf(maxLength));
		return (trimmed != null) ? trimmed : 0;
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

	/**
	 * An entry handed to a consumer.
	 *
	 * @param entry the entry; no fields when its data was trimmed or deleted
	 * @param deliveries how many times it was delivered, this time included
	 */
	static final class Delivery {

		private final MapRecord<String, String, String> entry;

		private final long deliveries;

		private volatile @Nullable ResultBatch batch;

		Delivery(MapRecord<String, String, String> entry, long deliveries) {
			this.entry = entry;
			this.deliveries = deliveries;
		}

		MapRecord<String, String, String> entry() {
			return this.entry;
		}

		long deliveries() {
			return this.deliveries;
		}

		RecordId id() {
			return this.entry.getId();
		}

		/** The entry's batch once decoded, else null. */
		@Nullable ResultBatch batch() {
			return this.batch;
		}

		void decoded(ResultBatch batch) {
			this.batch = batch;
		}

	}

	/**
	 * What a claim took over.
	 *
	 * @param entries the entries now pending with the claiming consumer
	 * @param gone ids whose data was trimmed or deleted, now acknowledged
	 */
	record Claimed(List<Delivery> entries, List<RecordId> gone) {

	}

}
