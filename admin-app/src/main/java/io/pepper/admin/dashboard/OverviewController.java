package io.pepper.admin.dashboard;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.EndpointService;
import io.pepper.admin.monitoring.EndpointHealth;
import io.pepper.admin.monitoring.Figures;
import io.pepper.admin.monitoring.LiveBoard;
import io.pepper.admin.monitoring.LiveStatus;
import io.pepper.admin.ui.CurrentMember;
import io.pepper.admin.ui.WebPage;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page after sign-in: counts by status, open incidents, the worst Apdex scores,
 * the endpoints whose p95 grew most over the last 7 days against the 7 before (slowdowns
 * before they alert), and certificates that expire within 30 days.
 */
@Controller
@WebPage
class OverviewController {

	static final String OVERVIEW = "overview";

	static final int TOP = 5;

	static final int CERTIFICATE_DAYS = 30;

	private final EndpointService endpoints;

	private final LiveBoard board;

	OverviewController(EndpointService endpoints, LiveBoard board) {
		this.endpoints = endpoints;
		this.board = board;
	}

	@GetMapping("/")
	String overview(CurrentMember me, Model model) {
		List<Endpoint> all = this.endpoints.list(me.organizationId());
		Map<UUID, Boolean> enabled = new LinkedHashMap<>();
		Map<UUID, String> names = new LinkedHashMap<>();
		all.forEach((endpoint) -> {
			enabled.put(endpoint.getId(), endpoint.getSettings().enabled());
			names.put(endpoint.getId(), endpoint.getSettings().name());
		});
		LiveBoard.Board live = this.board.of(me.organizationId(), enabled);
		List<Row> rows = live.health()
			.values()
			.stream()
			.map((health) -> new Row(health.endpointId(),
					Objects.requireNonNullElse(names.get(health.endpointId()), ""), health))
			.toList();
		Map<LiveStatus, Long> counts = new EnumMap<>(LiveStatus.class);
		for (LiveStatus status : LiveStatus.values()) {
			counts.put(status, 0L);
		}
		rows.forEach((row) -> counts.merge(row.health().status(), 1L, Long::sum));
		model.addAttribute("total", rows.size());
		model.addAttribute("counts", counts);
		model.addAttribute("board", live);
		model.addAttribute("names", names);
		model.addAttribute("worstApdex",
				rows.stream()
					.filter((row) -> row.health().apdex24h() != null)
					.sorted(Comparator.comparing((Row row) -> row.health().apdex24h()))
					.limit(TOP)
					.toList());
		model.addAttribute("p95Growth", rows.stream()
			.filter((row) -> row.health().p95Growth() != null && row.health().p95Growth() > 0)
			.sorted(Comparator.comparing((Row row) -> Objects.requireNonNull(row.health().p95Growth())).reversed())
			.limit(TOP)
			.toList());
		model.addAttribute("certificates", rows.stream().filter((row) -> {
			Long days = row.daysLeft(live);
			return days != null && days <= CERTIFICATE_DAYS;
		}).sorted(Comparator.comparing((Row row) -> Objects.requireNonNull(row.daysLeft(live)))).toList());
		return OVERVIEW;
	}

	/**
	 * One endpoint on the overview.
	 *
	 * @param id the endpoint
	 * @param name its name
	 * @param health its live figures
	 */
	record Row(UUID id, String name, EndpointHealth health) {

		public @Nullable Long daysLeft(LiveBoard.Board board) {
			return this.health.certificateDaysLeft(board.at());
		}

		public String growthText() {
			Double growth = this.health.p95Growth();
			return (growth != null) ? "+" + Math.round(growth * 100) + " %" : "–";
		}

		public String p95Change() {
			return Figures.millis(this.health.p95MsPrevious7d()) + " → " + Figures.millis(this.health.p95Ms7d());
		}

	}

}
