package io.pepper.probe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeApplicationArgumentsTest {

	@Test
	void spellsTheShardOptionAsTheSetting() {
		assertThat(ProbeApplication.arguments(new String[] { "--once", "--shard", "1/4", "--x=y" }))
			.containsExactly("--once", "--pepper.probe.shard=1/4", "--x=y");
		assertThat(ProbeApplication.arguments(new String[] { "--shard=2/3" }))
			.containsExactly("--pepper.probe.shard=2/3");
	}

}
