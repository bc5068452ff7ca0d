package io.pepper.admin.channel;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.ui.CurrentMember;
import io.pepper.admin.ui.FieldErrors;
import io.pepper.admin.ui.WebPage;
import io.pepper.admin.web.ConflictException;
import io.pepper.admin.web.FieldProblemsException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification channel pages of the current organization: list, create, edit and
 * delete, with the API's validation. Secrets are shown masked; a generated signing secret
 * is shown once, in the message after create.
 */
@Controller
@WebPage
@RequestMapping("/channels")
class ChannelPageController {

	static final String LIST = "channels/list";

	static final String FORM = "channels/form";

	/** The credential inputs: field, label, help, the type that has it. */
	static final List<String[]> SECRET_FIELDS = List.of(
			new String[] { "routingKey", "PagerDuty routing key",
					"PagerDuty channels only: the integration key of an Events API v2 integration.", "pagerduty" },
			new String[] { "apiKey", "Opsgenie API key", "Opsgenie channels only: an API integration's key.",
					"opsgenie" },
			new String[] { "botToken", "Telegram bot token", "Telegram channels only: the token from @BotFather.",
					"telegram" },
			new String[] { "accessToken", "ntfy access token",
					"ntfy channels only, for a protected topic; leave empty for a public one.", "ntfy" });

	private final ChannelService channels;

	ChannelPageController(ChannelService channels) {
		this.channels = channels;
	}

	@GetMapping
	String list(CurrentMember me, Model model) {
		model.addAttribute("channels",
				this.channels.list(me.organizationId()).stream().map((c) -> ChannelView.of(c, null)).toList());
		return LIST;
	}

	@GetMapping("/new")
	String initCreationForm(CurrentMember me, @RequestParam(required = false) @Nullable String type, Model model) {
		me.requireEditor();
		return form(model, ChannelForm.blank(type), null, new FieldErrors());
	}

	@PostMapping
	String processCreationForm(CurrentMember me, @ModelAttribute("form") ChannelForm form, Model model,
			RedirectAttributes redirect) {
		me.requireEditor();
		FieldErrors errors = new FieldErrors();
		ChannelRequest request = form.toRequest(errors);
		if (errors.isEmpty()) {
			try {
				ChannelService.Created created = this.channels.create(me.organizationId(), request);
				String secret = created.generatedSigningSecret();
				redirect.addFlashAttribute("flash", "Channel " + created.channel().getName() + " created."
						+ ((secret != null) ? " Its signing secret, shown this once: " + secret : ""));
				return "redirect:/channels";
			}
			catch (FieldProblemsException ex) {
				errors.addAll(ex.getProblems());
			}
		}
		return form(model, form, null, errors);
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(CurrentMember me, @PathVariable UUID id, Model model) {
		me.requireEditor();
		NotificationChannel channel = this.channels.get(me.organizationId(), id);
		return form(model, ChannelForm.of(channel), channel, new FieldErrors());
	}

	@PostMapping("/{id}")
	String processUpdateForm(CurrentMember me, @PathVariable UUID id, @ModelAttribute("form") ChannelForm form,
			Model model, RedirectAttributes redirect) {
		me.requireEditor();
		NotificationChannel channel = this.channels.get(me.organizationId(), id);
		FieldErrors errors = new FieldErrors();
		ChannelRequest request = form.toRequest(errors);
		if (errors.isEmpty()) {
			try {
				NotificationChannel saved = this.channels.update(me.organizationId(), id, request);
				redirect.addFlashAttribute("flash", "Channel " + saved.getName() + " saved.");
				return "redirect:/channels";
			}
			catch (FieldProblemsException ex) {
				errors.addAll(ex.getProblems());
			}
		}
		return form(model, form, channel, errors);
	}

	@PostMapping("/{id}/delete")
	String delete(CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		me.requireEditor();
		NotificationChannel channel = this.channels.get(me.organizationId(), id);
		try {
			this.channels.delete(me.organizationId(), id);
			redirect.addFlashAttribute("flash", "Channel " + channel.getName() + " deleted.");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", "Not deleted: " + ex.getProblems().getFirst().message() + ".");
		}
		return "redirect:/channels";
	}

	private String form(Model model, ChannelForm form, @Nullable NotificationChannel channel, FieldErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("channel", (channel != null) ? ChannelView.of(channel, null) : null);
		model.addAttribute("types", ChannelType.values());
		model.addAttribute("secretFields", SECRET_FIELDS);
		model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
		return FORM;
	}

}
