package io.pepper.probe.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.SmartLifecycle;

/**
 * Daemon mode: starts a round at every multiple of the interval since the epoch; the
 * round spreads its checks over the interval (see {@link CheckPlan}). Each round runs on
 * its own virtual thread, so one that overruns never delays the next tick.
 */
public final class RoundScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RoundScheduler.class);

	private final ProbeRound round;

	private final Duration interval;

	private final Clock clock;

	private final boolean once;

	private volatile boolean running;

	private @Nullable Thread ticker;

	public RoundScheduler(ProbeRound round, Duration interval, Clock clock, ApplicationArguments args) {
		this.round = round;
		this.interval = interval;
		this.clock = clock;
		this.once = args.containsOption("once");
	}

	@Override
	public void start() {
		if (this.once) {
			return;
		}
		this.running = true;
		this.ticker = Thread.ofPlatform().name("probe-scheduler").daemon().start(this::tick);
		log.info("probe scheduler started: a round every {} from {}", this.interval,
				Slots.next(this.clock.instant(), this.interval));
	}

	private void tick() {
		Instant last = Instant.EPOCH;
		while (this.running) {
			Instant slot = Slots.next(this.clock.instant(), this.interval);
			if (!slot.isAfter(last)) {
				// Woke a hair early: the slot just started must not run twice.
				slot = last.plus(this.interval);
			}
			try {
				Sleeper.on(this.clock).sleepUntil(slot);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (!this.running) {
				return;
			}
			last = slot;
			Instant scheduled = slot;
			Thread.ofVirtual().name("probe-round-" + slot).start(() -> runRound(scheduled));
		}
	}

	private void runRound(Instant slot) {
		try {
			this.round.run(slot, this.interval, ProbeRound.Pacing.SPREAD);
		}
		catch (RuntimeException ex) {
			log.error("round {} failed", slot, ex);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.ticker;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
