package io.pepper.admin.endpoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.admin.location.Location;
import io.pepper.admin.location.Locations;
import io.pepper.admin.monitoring.ChartRange;
import io.pepper.admin.monitoring.EndpointHealth;
import io.pepper.admin.monitoring.EndpointPanels;
import io.pepper.admin.monitoring.LiveBoard;
import io.pepper.admin.monitoring.LiveStatus;
import io.pepper.admin.ui.CurrentMember;
import io.pepper.admin.ui.FieldErrors;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.admin.ui.WebPage;
import io.pepper.admin.web.FieldProblemsException;
import io.pepper.contracts.v1.HttpMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The endpoint pages of the current organization: list, detail, create, edit, pause,
 * resume and delete. Viewers see everything and change nothing; an id of another
 * organization is a 404.
 */
@Controller
@WebPage
@RequestMapping("/endpoints")
class EndpointPageController {

	static final String LIST = "endpoints/list";

	static final String FORM = "endpoints/form";

	static final String SHOW = "endpoints/show";

	static final int PAGE_SIZE = 50;

	private final EndpointService endpoints;

	private final EndpointChanges changes;

	private final EndpointListing listing;

	private final Locations locations;

	private final LiveBoard board;

	private final EndpointPanels panels;

	EndpointPageController(EndpointService endpoints, EndpointChanges changes, EndpointListing listing,
			Locations locations, LiveBoard board, EndpointPanels panels) {
		this.panels = panels;
		this.endpoints = endpoints;
		this.changes = changes;
		this.listing = listing;
		this.locations = locations;
		this.board = board;
	}

	@GetMapping
	String list(CurrentMember me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "0") int page, Model model) {
		EndpointPage result = this.listing.search(me.organizationId(), q, tag, page, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("board", board(me, result));
		model.addAttribute("statuses", LiveStatus.values());
		model.addAttribute("q", q);
		model.addAttribute("tag", tag);
		model.addAttribute("tags", this.listing.tags(me.organizationId()));
		return LIST;
	}

	/**
	 * The live figures of the same page of the list, for the list's own refresh: one
	 * summaries call, the same as the page.
	 */
	@GetMapping(path = "/live", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	LiveRows live(CurrentMember me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "0") int page) {
		LiveBoard.Board board = board(me, this.listing.search(me.organizationId(), q, tag, page, PAGE_SIZE));
		return new LiveRows(board.at(), board.historyNotice(), board.incidentNotice(),
				List.copyOf(board.health().values()));
	}

	/**
	 * The list's refresh.
	 *
	 * @param at when the figures were read
	 * @param historyNotice why history is missing, or null
	 * @param incidentNotice why incidents are missing, or null
	 * @param rows one per endpoint of the page
	 */
	record LiveRows(Instant at, @Nullable String historyNotice, @Nullable String incidentNotice,
			List<EndpointHealth> rows) {

	}

	private LiveBoard.Board board(CurrentMember me, EndpointPage result) {
		Map<UUID, Boolean> enabled = new LinkedHashMap<>();
		result.rows().forEach((row) -> enabled.put(row.id(), row.enabled()));
		return this.board.of(me.organizationId(), enabled);
	}

	@GetMapping("/new")
	String initCreationForm(CurrentMember me, Model model) {
		me.requireEditor();
		return form(model, EndpointForm.blank(locationNames()), null, new FieldErrors());
	}

	@PostMapping
	String processCreationForm(CurrentMember me, @ModelAttribute("form") EndpointForm form, Model model,
			RedirectAttributes redirect) {
		me.requireEditor();
		FieldErrors errors = new FieldErrors();
		EndpointRequest request = form.toRequest(errors);
		try {
			// Parse errors first, then everything the API's validation finds, all at
			// once.
			this.endpoints.validate(request);
			if (errors.isEmpty()) {
				Endpoint endpoint = this.endpoints.create(me.organizationId(), request);
				redirect.addFlashAttribute("flash", "Endpoint " + endpoint.getName() + " created.");
				return "redirect:/endpoints/" + endpoint.getId();
			}
		}
		catch (FieldProblemsException ex) {
			errors.addAll(ex.getProblems());
		}
		return form(model, form, null, errors);
	}

	@GetMapping("/{id}")
	String show(CurrentMember me, @PathVariable UUID id, Model model) {
		Endpoint endpoint = this.endpoints.get(me.organizationId(), id);
		model.addAttribute("endpoint", EndpointView.of(endpoint));
		model.addAttribute("settingsText", describe(endpoint.getSettings().settings()));
		model.addAttribute("form", EndpointForm.of(endpoint.getSettings()));
		model.addAttribute("panels", this.panels.of(me.organizationId(), id, endpoint.getSettings().enabled()));
		model.addAttribute("ranges", ChartRange.PRESETS);
		return SHOW;
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(CurrentMember me, @PathVariable UUID id, Model model) {
		me.requireEditor();
		Endpoint endpoint = this.endpoints.get(me.organizationId(), id);
		return form(model, EndpointForm.of(endpoint.getSettings()), id, new FieldErrors());
	}

	@PostMapping("/{id}")
	String processUpdateForm(CurrentMember me, @PathVariable UUID id, @ModelAttribute("form") EndpointForm form,
			Model model, RedirectAttributes redirect) {
		me.requireEditor();
		// A foreign or deleted id is a 404 before the form is even looked at.
		this.endpoints.get(me.organizationId(), id);
		FieldErrors errors = new FieldErrors();
		EndpointRequest request = form.toRequest(errors);
		try {
			this.endpoints.validate(request);
			if (errors.isEmpty()) {
				Endpoint endpoint = this.changes.update(me.organizationId(), id, request);
				redirect.addFlashAttribute("flash", "Endpoint " + endpoint.getName() + " saved.");
				return "redirect:/endpoints/" + id;
			}
		}
		catch (FieldProblemsException ex) {
			errors.addAll(ex.getProblems());
		}
		return form(model, form, id, errors);
	}

	@PostMapping("/{id}/pause")
	String pause(CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		me.requireEditor();
		Endpoint endpoint = this.changes.setEnabled(me.organizationId(), id, false);
		redirect.addFlashAttribute("flash", "Endpoint " + endpoint.getName() + " paused: probes skip it.");
		return "redirect:/endpoints/" + id;
	}

	@PostMapping("/{id}/resume")
	String resume(CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		me.requireEditor();
		Endpoint endpoint = this.changes.setEnabled(me.organizationId(), id, true);
		redirect.addFlashAttribute("flash", "Endpoint " + endpoint.getName() + " resumed.");
		return "redirect:/endpoints/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		me.requireEditor();
		Endpoint endpoint = this.changes.delete(me.organizationId(), id);
		redirect.addFlashAttribute("flash", "Endpoint " + endpoint.getName() + " deleted.");
		return "redirect:/endpoints";
	}

	/** A kind's settings as a person reads them. */
	static String describe(@Nullable CheckSettings settings) {
		return switch (settings) {
			case null -> "";
			case CheckSettings.Tcp tcp -> (tcp.tls() ? "over TLS" : "plain TCP")
					+ ((tcp.send() != null) ? "; sends " + EndpointForm.escape(tcp.send()) : "")
					+ ((tcp.expect() != null) ? "; expects " + EndpointForm.escape(tcp.expect()) : "");
			case CheckSettings.Dns dns ->
				dns.recordType() + " from " + ((dns.resolver() != null) ? dns.resolver() : "the probe's resolver")
						+ "; expects " + dns.expectedRcode()
						+ (dns.expectedAnswers().isEmpty() ? ""
								: " with " + dns.match().name().toLowerCase(java.util.Locale.ROOT) + " of "
										+ String.join(", ", dns.expectedAnswers()));
			case CheckSettings.Tls tls -> "warns " + tls.expiryWarningDays()
				.stream()
				.map(String::valueOf)
				.collect(java.util.stream.Collectors.joining(", ")) + " days before the certificate expires";
		};
	}

	private String form(Model model, EndpointForm form, @Nullable UUID id, FieldErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("endpointId", id);
		model.addAttribute("allLocations", locationNames());
		model.addAttribute("methods", HttpMethod.values());
		model.addAttribute("kinds", io.pepper.contracts.v1.CheckKind.values());
		model.addAttribute("recordTypes", io.pepper.contracts.v1.DnsRecordType.values());
		model.addAttribute("rcodes", io.pepper.contracts.v1.DnsRcode.values());
		model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
		return FORM;
	}

	private List<String> locationNames() {
		return this.locations.findByRetiredAtIsNullOrderByName().stream().map(Location::getName).toList();
	}

}
