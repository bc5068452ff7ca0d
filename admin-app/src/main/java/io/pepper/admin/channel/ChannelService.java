package io.pepper.admin.channel;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.secret.Masks;
import io.pepper.admin.secret.SecretBox;
import io.pepper.admin.web.ConflictException;
import io.pepper.http.server.FieldProblem;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.admin.web.NotFoundException;
import io.pepper.admin.web.RequestChecks;
import io.pepper.contracts.v1.NotificationChannelSpec;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and reads channels of one organization; seals their secrets. */
@Service
public class ChannelService {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final String URL = "url";

	static final String SIGNING_SECRET = "signingSecret";

	private final NotificationChannels channels;

	private final SecretBox secrets;

	private final Validator validator;

	private final JdbcClient jdbc;

	private final List<String> allowedWebhookHosts;

	ChannelService(NotificationChannels channels, SecretBox secrets, Validator validator, JdbcClient jdbc,
			AdminProperties properties) {
		this.channels = channels;
		this.secrets = secrets;
		this.validator = validator;
		this.jdbc = jdbc;
		this.allowedWebhookHosts = properties.channels().allowedWebhookHosts();
	}

	/** A new channel; a webhook without a signing secret gets a generated one. */
	@Transactional
	public Created create(UUID organizationId, ChannelRequest request) {
		check(request, null, "");
		String name = Objects.requireNonNull(request.name()).strip();
		if (this.channels.existsByOrganizationIdAndName(organizationId, name)) {
			throw duplicate(name);
		}
		NotificationChannel channel = new NotificationChannel(organizationId, Objects.requireNonNull(request.type()));
		@Nullable String generated = (channel.getType() == ChannelType.WEBHOOK && request.signingSecret() == null)
				? generateSecret() : null;
		apply(channel, request, generated);
		return new Created(this.channels.saveAndFlush(channel), generated);
	}

	/** Replaces a channel's settings; masked or absent secrets are kept. */
	@Transactional
	public NotificationChannel update(UUID organizationId, UUID id, ChannelRequest request) {
		NotificationChannel channel = get(organizationId, id);
		check(request, channel, "");
		String name = Objects.requireNonNull(request.name()).strip();
		if (!name.equals(channel.getName()) && this.channels.existsByOrganizationIdAndName(organizationId, name)) {
			throw duplicate(name);
		}
		apply(channel, request, null);
		channel.touch();
		return this.channels.saveAndFlush(channel);
	}

	@Transactional
	public void delete(UUID organizationId, UUID id) {
		NotificationChannel channel = get(organizationId, id);
		List<String> users = this.jdbc
			.sql("SELECT name FROM alert_policies WHERE :id = ANY (channel_ids) ORDER BY name")
			.param("id", id)
			.query(String.class)
			.list();
		if (!users.isEmpty()) {
			throw new ConflictException("id", "channel '" + channel.getName() + "' is used by policy "
					+ String.join(", ", users) + "; remove it there first");
		}
		this.channels.delete(channel);
	}

	@Transactional(readOnly = true)
	public List<NotificationChannel> list(UUID organizationId) {
		return this.channels.findByOrganizationIdOrderByName(organizationId);
	}

	@Transactional(readOnly = true)
	public NotificationChannel get(UUID organizationId, UUID id) {
		return this.channels.findByIdAndOrganizationId(id, organizationId)
			.orElseThrow(() -> new NotFoundException("No channel " + id));
	}

	/** The channel with its secrets decrypted, for the service API only. */
	public NotificationChannelSpec decrypted(NotificationChannel channel) {
		return switch (channel.getType()) {
			case EMAIL -> new NotificationChannelSpec.Email(channel.getId(), channel.getOrganizationId(),
					channel.getName(), channel.getAddresses());
			case SLACK -> new NotificationChannelSpec.Slack(channel.getId(), channel.getOrganizationId(),
					channel.getName(), URI.create(openUrl(channel)));
			case WEBHOOK -> new NotificationChannelSpec.Webhook(channel.getId(), channel.getOrganizationId(),
					channel.getName(), URI.create(openUrl(channel)),
					this.secrets.open(Objects.requireNonNull(channel.getSigningSecretEncrypted()),
							channel.context(SIGNING_SECRET)));
		};
	}

	private String openUrl(NotificationChannel channel) {
		return this.secrets.open(Objects.requireNonNull(channel.getUrlEncrypted()), channel.context(URL));
	}

	/**
	 * Every problem with {@code request} for a new channel ({@code existing} null) or for
	 * {@code existing}; fields are prefixed with {@code prefix}.
	 */
	public List<FieldProblem> problems(ChannelRequest request, @Nullable NotificationChannel existing, String prefix) {
		List<FieldProblem> problems = new ArrayList<>(RequestChecks.problems(this.validator, request, prefix));
		if (request.type() == null) {
			return problems;
		}
		if (existing != null && existing.getType() != request.type()) {
			problems.add(new FieldProblem(prefix + "type", "cannot change from "
					+ existing.getType().name().toLowerCase(Locale.ROOT) + "; create a new channel instead"));
		}
		boolean email = request.type() == ChannelType.EMAIL;
		List<String> addresses = Objects.requireNonNullElse(request.addresses(), List.of());
		if (email && addresses.isEmpty()) {
			problems.add(new FieldProblem(prefix + "addresses", "an email channel needs at least one address"));
		}
		if (!email && !addresses.isEmpty()) {
			problems.add(new FieldProblem(prefix + "addresses", "only email channels have addresses"));
		}
		String url = request.url();
		if (email && url != null) {
			problems.add(new FieldProblem(prefix + URL, "email channels have no URL"));
		}
		if (existing == null && url != null && Masks.isMask(url)) {
			problems.add(new FieldProblem(prefix + URL, "is masked; a new channel needs the full URL"));
		}
		if (existing == null && request.signingSecret() != null
				&& Masks.isMask(Objects.requireNonNull(request.signingSecret()))) {
			problems.add(new FieldProblem(prefix + SIGNING_SECRET,
					"is masked; a new channel needs the full secret, or none to have one generated"));
		}
		boolean keepUrl = existing != null && (url == null || Masks.isMask(url));
		if (!email && !keepUrl) {
			if (url == null || url.isBlank()) {
				problems.add(new FieldProblem(prefix + URL, "is required"));
			}
			else {
				String problem = ChannelUrls.problem(url, request.type() == ChannelType.WEBHOOK,
						this.allowedWebhookHosts);
				if (problem != null) {
					problems.add(new FieldProblem(prefix + URL, problem));
				}
			}
		}
		String secret = request.signingSecret();
		if (secret != null && !Masks.isMask(secret) && secret.strip().length() < 16) {
			problems.add(new FieldProblem(prefix + SIGNING_SECRET, "must be at least 16 characters"));
		}
		if (request.type() != ChannelType.WEBHOOK && secret != null) {
			problems.add(new FieldProblem(prefix + SIGNING_SECRET, "only webhook channels have a signing secret"));
		}
		if (!email && !this.secrets.canSeal() && !(keepUrl && (request.signingSecret() == null
				|| Masks.isMask(Objects.requireNonNull(request.signingSecret()))))) {
			problems.add(new FieldProblem(prefix + "type",
					"this installation cannot store secrets until pepper.admin.secrets.key is set"));
		}
		problems.sort(java.util.Comparator.comparing(FieldProblem::field));
		return problems;
	}

	private void check(ChannelRequest request, @Nullable NotificationChannel existing, String prefix) {
		List<FieldProblem> problems = problems(request, existing, prefix);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** Applies a checked request; secrets given in plaintext are sealed. */
	public void apply(NotificationChannel channel, ChannelRequest request, @Nullable String generatedSecret) {
		channel.rename(Objects.requireNonNull(request.name()).strip());
		channel.setAddresses(addresses(request));
		String url = request.url();
		if (url != null && !Masks.isMask(url)) {
			channel.setUrl(this.secrets.seal(url, channel.context(URL)), Masks.url(URI.create(url)));
		}
		String secret = (generatedSecret != null) ? generatedSecret : request.signingSecret();
		if (secret != null && !Masks.isMask(secret)) {
			channel.setSigningSecret(this.secrets.seal(secret, channel.context(SIGNING_SECRET)), Masks.secret(secret));
		}
	}

	/** Whether applying {@code request} would change {@code channel}. */
	public boolean changes(NotificationChannel channel, ChannelRequest request) {
		String url = request.url();
		String secret = request.signingSecret();
		boolean urlChanged = url != null && !Masks.isMask(url) && !url.equals(openUrl(channel));
		boolean secretChanged = secret != null && !Masks.isMask(secret) && !secret.equals(this.secrets
			.open(Objects.requireNonNull(channel.getSigningSecretEncrypted()), channel.context(SIGNING_SECRET)));
		return !channel.getName().equals(Objects.requireNonNull(request.name()).strip())
				|| !channel.getAddresses().equals(addresses(request)) || urlChanged || secretChanged;
	}

	/** A new channel for the config import; applies a request already checked. */
	public NotificationChannel createChecked(UUID organizationId, ChannelRequest request) {
		NotificationChannel channel = new NotificationChannel(organizationId, Objects.requireNonNull(request.type()));
		apply(channel, request, null);
		return this.channels.saveAndFlush(channel);
	}

	private static List<String> addresses(ChannelRequest request) {
		List<String> given = (request.addresses() != null) ? request.addresses() : List.of();
		return List.copyOf(new LinkedHashSet<>(given.stream().map(String::strip).toList()));
	}

	private static ConflictException duplicate(String name) {
		return new ConflictException("name", "a channel named '" + name + "' already exists in this organization");
	}

	private static String generateSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A channel just created.
	 *
	 * @param channel the channel
	 * @param generatedSigningSecret the signing secret Pepper generated, to be shown once
	 */
	public record Created(NotificationChannel channel, @Nullable String generatedSigningSecret) {

	}

}
