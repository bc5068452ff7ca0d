package io.pepper.admin.policy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.pepper.admin.channel.ChannelService;
import io.pepper.admin.channel.NotificationChannel;
import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.Endpoints;
import io.pepper.admin.ui.CurrentMember;
import io.pepper.admin.ui.FieldErrors;
import io.pepper.admin.ui.WebPage;
import io.pepper.admin.web.FieldProblemsException;
import io.pepper.contracts.v1.TrendSensitivity;
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
 * The alert policy pages of the current organization: list, create, edit and delete,
 * checked by the same {@link PolicyService} as the API.
 */
@Controller
@WebPage
@RequestMapping("/policies")
class PolicyPageController {

	static final String LIST = "policies/list";

	static final String FORM = "policies/form";

	private final PolicyService policies;

	private final ChannelService channels;

	private final Endpoints endpoints;

	PolicyPageController(PolicyService policies, ChannelService channels, Endpoints endpoints) {
		this.policies = policies;
		this.channels = channels;
		this.endpoints = endpoints;
	}

	@GetMapping
	String list(CurrentMember me, Model model) {
		List<PolicyView> all = this.policies.list(me.organizationId()).stream().map(PolicyView::of).toList();
		model.addAttribute("policies", all);
		model.addAttribute("channelNames",
				this.channels.list(me.organizationId())
					.stream()
					.collect(Collectors.toMap(NotificationChannel::getId, NotificationChannel::getName)));
		// Only the endpoints policies name: an organization may have thousands.
		model.addAttribute("endpointNames",
				this.endpoints
					.findAllById(all.stream().map(PolicyView::endpointId).filter(java.util.Objects::nonNull).toList())
					.stream()
					.filter((e) -> e.getOrganizationId().equals(me.organizationId()))
					.collect(Collectors.toMap(Endpoint::getId, Endpoint::getName)));
		return LIST;
	}

	@GetMapping("/new")
	String initCreationForm(CurrentMember me, Model model) {
		me.requireEditor();
		return form(me, model, PolicyForm.blank(), null, new FieldErrors());
	}

	@PostMapping
	String processCreationForm(CurrentMember me, @ModelAttribute("form") PolicyForm form, Model model,
			RedirectAttributes redirect) {
		me.requireEditor();
		FieldErrors errors = new FieldErrors();
		PolicyRequest request = form.toRequest(errors);
		if (errors.isEmpty()) {
			try {
				Policy policy = this.policies.create(me.organizationId(), request);
				redirect.addFlashAttribute("flash", "Policy " + policy.getSettings().name() + " created.");
				return "redirect:/policies";
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
		Policy policy = this.policies.get(me.organizationId(), id);
		return form(me, model, PolicyForm.of(policy.getSettings()), id, new FieldErrors());
	}

	@PostMapping("/{id}")
	String processUpdateForm(CurrentMember me, @PathVariable UUID id, @ModelAttribute("form") PolicyForm form,
			Model model, RedirectAttributes redirect) {
		me.requireEditor();
		this.policies.get(me.organizationId(), id);
		FieldErrors errors = new FieldErrors();
		PolicyRequest request = form.toRequest(errors);
		if (errors.isEmpty()) {
			try {
				Policy policy = this.policies.update(me.organizationId(), id, request);
				redirect.addFlashAttribute("flash", "Policy " + policy.getSettings().name() + " saved.");
				return "redirect:/policies";
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
		Policy policy = this.policies.get(me.organizationId(), id);
		this.policies.delete(me.organizationId(), id);
		redirect.addFlashAttribute("flash", "Policy " + policy.getSettings().name() + " deleted.");
		return "redirect:/policies";
	}

	private String form(CurrentMember me, Model model, PolicyForm form, @Nullable UUID id, FieldErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("policyId", id);
		model.addAttribute("allEndpoints", endpointNames(me));
		model.addAttribute("allChannels", this.channels.list(me.organizationId()));
		model.addAttribute("sensitivities", TrendSensitivity.values());
		model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
		return FORM;
	}

	private Map<UUID, String> endpointNames(CurrentMember me) {
		List<Endpoint> all = this.endpoints.findByOrganizationIdOrderByName(me.organizationId());
		return all.stream()
			.collect(Collectors.toMap(Endpoint::getId, Endpoint::getName, (a, b) -> a, java.util.LinkedHashMap::new));
	}

}
