package io.pepper.admin.maintenance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.Endpoints;
import io.pepper.admin.ui.CurrentMember;
import io.pepper.admin.ui.FieldErrors;
import io.pepper.admin.ui.WebPage;
import io.pepper.admin.web.FieldProblemsException;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The maintenance window pages of the current organization: list, create, edit and
 * delete, checked by the same {@link WindowService} as the API.
 */
@Controller
@WebPage
@RequestMapping("/maintenance")
class WindowPageController {

	static final String LIST = "maintenance/list";

	static final String FORM = "maintenance/form";

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private final WindowService windows;

	private final Endpoints endpoints;

	WindowPageController(WindowService windows, Endpoints endpoints) {
		this.windows = windows;
		this.endpoints = endpoints;
	}

	@GetMapping
	String list(CurrentMember me, Model model) {
		java.util.List<WindowView> all = this.windows.list(me.organizationId()).stream().map(WindowView::of).toList();
		model.addAttribute("windows", all);
		model.addAttribute("schedules",
				all.stream().collect(Collectors.toMap(WindowView::id, (w) -> describe(w.schedule()))));
		// Only the endpoints windows name: an organization may have thousands.
		model.addAttribute("endpointNames",
				this.endpoints.findAllById(all.stream().flatMap((w) -> w.endpointIds().stream()).distinct().toList())
					.stream()
					.filter((e) -> e.getOrganizationId().equals(me.organizationId()))
					.collect(Collectors.toMap(Endpoint::getId, Endpoint::getName)));
		return LIST;
	}

	@GetMapping("/new")
	String initCreationForm(CurrentMember me, Model model) {
		me.requireEditor();
		return form(me, model, WindowForm.blank(), null, new FieldErrors());
	}

	@PostMapping
	String processCreationForm(CurrentMember me, @ModelAttribute("form") WindowForm form, Model model,
			RedirectAttributes redirect) {
		me.requireEditor();
		FieldErrors errors = new FieldErrors();
		WindowRequest request = form.toRequest(errors);
		if (errors.isEmpty()) {
			try {
				MaintenanceWindow window = this.windows.create(me.organizationId(), request);
				redirect.addFlashAttribute("flash", "Maintenance window " + window.getName() + " created.");
				return "redirect:/maintenance";
			}
			catch (FieldProblemsException ex) {
				errors.addAll(ex.getProblems());
			}
		}
		return form(me, model, form, null, errors);
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(CurrentMember me, @PathVariable UUID id, Model model) {
		me.requireEditor();
		MaintenanceWindow window = this.windows.get(me.organizationId(), id);
		return form(me, model, WindowForm.of(window.getSettings()), id, new FieldErrors());
	}

	@PostMapping("/{id}")
	String processUpdateForm(CurrentMember me, @PathVariable UUID id, @ModelAttribute("form") WindowForm form,
			Model model, RedirectAttributes redirect) {
		me.requireEditor();
		this.windows.get(me.organizationId(), id);
		FieldErrors errors = new FieldErrors();
		WindowRequest request = form.toRequest(errors);
		if (errors.isEmpty()) {
			try {
				MaintenanceWindow window = this.windows.update(me.organizationId(), id, request);
				redirect.addFlashAttribute("flash", "Maintenance window " + window.getName() + " saved.");
				return "redirect:/maintenance";
			}
			catch (FieldProblemsException ex) {
				errors.addAll(ex.getProblems());
			}
		}
		return form(me, model, form, id, errors);
	}

	@PostMapping("/{id}/delete")
	String delete(CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		me.requireEditor();
		MaintenanceWindow window = this.windows.get(me.organizationId(), id);
		this.windows.delete(me.organizationId(), id);
		redirect.addFlashAttribute("flash", "Maintenance window " + window.getName() + " deleted.");
		return "redirect:/maintenance";
	}

	private String form(CurrentMember me, Model model, WindowForm form, @Nullable UUID id, FieldErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("windowId", id);
		model.addAttribute("allEndpoints", endpointNames(me));
		model.addAttribute("allDays", DayOfWeek.values());
		model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
		return FORM;
	}

	/** A schedule in words, e.g. "every Sat, Sun at 02:00 for 90 min (Europe/Berlin)". */
	static String describe(MaintenanceWindowSpec.Schedule schedule) {
		return switch (schedule) {
			case MaintenanceWindowSpec.OneOff oneOff ->
				"from " + minutes(oneOff.start()) + " to " + minutes(oneOff.end()) + " UTC";
			case MaintenanceWindowSpec.Weekly weekly -> "every "
					+ weekly.days()
						.stream()
						.sorted()
						.map((day) -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
						.collect(Collectors.joining(", "))
					+ " at " + weekly.start() + " for " + weekly.durationMinutes() + " min (" + weekly.zone().getId()
					+ ")";
		};
	}

	private static String minutes(Instant instant) {
		return MINUTES.format(instant);
	}

	private Map<UUID, String> endpointNames(CurrentMember me) {
		return this.endpoints.findByOrganizationIdOrderByName(me.organizationId())
			.stream()
			.collect(Collectors.toMap(Endpoint::getId, Endpoint::getName, (a, b) -> a, LinkedHashMap::new));
	}

}
