package io.pepper.probe.round;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShardTest {

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 7, 16 })
	void shardsOfOneCountPartitionTheListExactlyAndEvenly(int count) {
		Random random = new Random(count);
		List<UUID> ids = IntStream.range(0, 20_000)
			.mapToObj((i) -> new UUID(random.nextLong(), random.nextLong()))
			.toList();
		int[] owned = new int[count];

		for (UUID id : ids) {
			List<Integer> owners = IntStream.range(0, count)
				.filter((i) -> new Shard(i, count).owns(id))
				.boxed()
				.toList();
			assertThat(owners).as("shards owning %s", id).hasSize(1);
			owned[owners.getFirst()]++;
		}

		int expected = ids.size() / count;
		assertThat(IntStream.of(owned).min().orElseThrow()).isGreaterThanOrEqualTo(expected * 93 / 100);
		assertThat(IntStream.of(owned).max().orElseThrow()).isLessThanOrEqualTo(expected * 107 / 100);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			00000000-0000-0000-0000-000000000000 | 3
			00000000-0000-0000-0000-000000000001 | 0
			3f1c2a5e-8b7d-4c9e-a1f2-0d3e4b5c6a7f | 1
			""")
	void placesAnEndpointInTheSameShardInEveryProcessAndRelease(UUID id, int shardOfFour) {
		assertThat(new Shard(shardOfFour, 4).owns(id)).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0/1    | 0 | 1
			3/4    | 3 | 4
			' 1/2' | 1 | 2
			""")
	void parsesIndexSlashCount(String text, int index, int count) {
		assertThat(Shard.valueOf(text)).isEqualTo(new Shard(index, count));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			4/4  | shard index must be between 0 and 3 for 4 shards but was 4
			0/0  | shard count must be at least 1 but was 0
			-1/2 | shard must be i/n, e.g. 0/4, but was '-1/2'
			1    | shard must be i/n, e.g. 0/4, but was '1'
			a/b  | shard must be i/n, e.g. 0/4, but was 'a/b'
			""")
	void refusesMalformedShards(String text, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> Shard.valueOf(text)).withMessage(message);
	}

}
