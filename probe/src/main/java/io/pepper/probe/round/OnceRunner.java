package io.pepper.probe.round;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code --once}: runs the checks due in the current round at once (no spreading),
 * then exits with {@link #exitCode}.
 */
public final class OnceRunner implements ApplicationRunner {

	/** The round ran and everything was delivered. */
	public static final int DONE = 0;

	/** No endpoint list could be had from admin-app. */
	public static final int LIST_UNAVAILABLE = 2;

	/** Checks ran but a batch could not be delivered. */
	public static final int DELIVERY_FAILED = 3;

	/** How long the round's results may take to reach their services. */
	static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

	private final ProbeRound round;

	private final Delivery delivery;

	private final Duration interval;

	private final Clock clock;

	private final ConfigurableApplicationContext context;

	public OnceRunner(ProbeRound round, Delivery delivery, Duration interval, Clock clock,
			ConfigurableApplicationContext context) {
		this.round = round;
		this.delivery = delivery;
		this.interval = interval;
		this.clock = clock;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption("once")) {
			return;
		}
		RoundReport report = this.round.run(Slots.current(this.clock.instant(), this.interval), this.interval,
				ProbeRound.Pacing.IMMEDIATE);
		int code = exitCode(report, this.delivery.drain(DRAIN_TIMEOUT));
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	/** The process exit code for a round run with {@code --once}. */
	public static int exitCode(RoundReport report, boolean delivered) {
		if (report.list() == ListStatus.UNAVAILABLE) {
			return LIST_UNAVAILABLE;
		}
		return delivered ? DONE : DELIVERY_FAILED;
	}

}
