package io.pepper.admin.channel;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

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

	/** The sealed credential of pagerduty, opsgenie, telegram and ntfy channels. */
	static final String TOKEN = "token";

	static final String WHSEC = "whsec_";

	private static final Pattern ROUTING_KEY = Pattern.compile("[A-Za-z0-9]{32}");

	private static final Pattern BOT_TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");

	private static final Pattern CREDENTIAL = Pattern.compile("\\S{8,512}");

	private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}");

	private static final Map<String, String> TOKEN_OWNERS = Map.of("routingKey", "pagerduty", "apiKey", "opsgenie",
			"botToken", "telegram", "accessToken", "ntfy");

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
		UUID id = channel.getId();
		UUID organization = channel.getOrganizationId();
		String name = channel.getName();
		return switch (channel.getType()) {
			case EMAIL -> new NotificationChannelSpec.Email(id, organization, name, channel.getAddresses());
			case SLACK -> new NotificationChannelSpec.Slack(id, organization, name, URI.create(openUrl(channel)));
			case WEBHOOK -> new NotificationChannelSpec.Webhook(id, organization, name, URI.create(openUrl(channel)),
					this.secrets.open(Objects.requireNonNull(channel.getSigningSecretEncrypted()),
							channel.context(SIGNING_SECRET)));
			case PAGERDUTY ->
				new NotificationChannelSpec.PagerDuty(id, organization, name, apiUrl(channel), openToken(channel));
			case OPSGENIE ->
				new NotificationChannelSpec.Opsgenie(id, organization, name, apiUrl(channel), openToken(channel));
			case TEAMS -> new NotificationChannelSpec.Teams(id, organization, name, URI.create(openUrl(channel)));
			case DISCORD -> new NotificationChannelSpec.Discord(id, organization, name, URI.create(openUrl(channel)));
			case TELEGRAM -> new NotificationChannelSpec.Telegram(id, organization, name, apiUrl(channel),
					openToken(channel), Objects.requireNonNull(channel.getChatId()));
			case NTFY -> new NotificationChannelSpec.Ntfy(id, organization, name, URI.create(openUrl(channel)),
					(channel.getTokenEncrypted() != null) ? openToken(channel) : null);
		};
	}

	private String openUrl(NotificationChannel channel) {
		return this.secrets.open(Objects.requireNonNull(channel.getUrlEncrypted()), channel.context(URL));
	}

	private String openToken(NotificationChannel channel) {
		return this.secrets.open(Objects.requireNonNull(channel.getTokenEncrypted()), channel.context(TOKEN));
	}

	private static URI apiUrl(NotificationChannel channel) {
		return URI.create(Objects.requireNonNullElse(channel.getApiUrl(),
				Objects.requireNonNull(channel.getType().defaultApiUrl())));
	}

	/**
	 * Every problem with {@code request} for a new channel ({@code existing} null) or for
	 * {@code existing}; fields are prefixed with {@code prefix}.
	 */
	public List<FieldProblem> problems(ChannelRequest request, @Nullable NotificationChannel existing, String prefix) {
		List<FieldProblem> problems = new ArrayList<>(RequestChecks.problems(this.validator, request, prefix));
		ChannelType type = request.type();
		if (type == null) {
			return problems;
		}
		String typeName = type.key();
		if (existing != null && existing.getType() != type) {
			problems.add(new FieldProblem(prefix + "type",
					"cannot change from " + existing.getType().key() + "; create a new channel instead"));
		}
		boolean email = type == ChannelType.EMAIL;
		List<String> addresses = Objects.requireNonNullElse(request.addresses(), List.of());
		if (email && addresses.isEmpty()) {
			problems.add(new FieldProblem(prefix + "addresses", "an email channel needs at least one address"));
		}
		if (!email && !addresses.isEmpty()) {
			problems.add(new FieldProblem(prefix + "addresses", "only email channels have addresses"));
		}
		String url = request.url();
		if (!type.hasUrl() && url != null) {
			problems.add(new FieldProblem(prefix + URL,
					email ? "email channels have no URL" : typeName + " channels have no URL; set apiUrl"));
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
		if (type.hasUrl() && !keepUrl) {
			if (url == null || url.isBlank()) {
				problems.add(new FieldProblem(prefix + URL, "is required"));
			}
			else {
				String problem = ChannelUrls.problem(url, type.urlMayBeInternal(), this.allowedWebhookHosts);
				if (problem == null && type == ChannelType.NTFY) {
					problem = ChannelUrls.ntfyTopicProblem(url);
				}
				if (problem != null) {
					problems.add(new FieldProblem(prefix + URL, problem));
				}
			}
		}
		String secret = request.signingSecret();
		if (secret != null && !Masks.isMask(secret)) {
			String problem = signingSecretProblem(secret);
			if (problem != null) {
				problems.add(new FieldProblem(prefix + SIGNING_SECRET, problem));
			}
		}
		if (type != ChannelType.WEBHOOK && secret != null) {
			problems.add(new FieldProblem(prefix + SIGNING_SECRET, "only webhook channels have a signing secret"));
		}
		String apiUrl = request.apiUrl();
		if (apiUrl != null && !type.hasApiUrl()) {
			problems
				.add(new FieldProblem(prefix + "apiUrl", "only pagerduty, opsgenie and telegram channels have one"));
		}
		else if (apiUrl != null) {
			String problem = ChannelUrls.problem(apiUrl, true, this.allowedWebhookHosts);
			if (problem != null) {
				problems.add(new FieldProblem(prefix + "apiUrl", problem));
			}
		}
		problems.addAll(tokenProblems(request, existing, prefix));
		String chatId = request.chatId();
		if (type == ChannelType.TELEGRAM && (chatId == null || chatId.isBlank())) {
			problems.add(new FieldProblem(prefix + "chatId", "is required"));
		}
		else if (type == ChannelType.TELEGRAM && chatId != null && !CHAT_ID.matcher(chatId.strip()).matches()) {
			problems.add(new FieldProblem(prefix + "chatId",
					"must be a chat number such as -1001234567890, or @channelusername"));
		}
		else if (type != ChannelType.TELEGRAM && chatId != null) {
			problems.add(new FieldProblem(prefix + "chatId", "only telegram channels have a chat"));
		}
		boolean newSecret = (url != null && !Masks.isMask(url)) || (secret != null && !Masks.isMask(secret))
				|| (request.token() != null && !Masks.isMask(Objects.requireNonNull(request.token())))
				|| (existing == null && type == ChannelType.WEBHOOK);
		if (!email && newSecret && !this.secrets.canSeal()) {
			problems.add(new FieldProblem(prefix + "type",
					"this installation cannot store secrets until pepper.admin.secrets.key is set"));
		}
		problems.sort(java.util.Comparator.comparing(FieldProblem::field));
		return problems;
	}

	/** The credential fields: only the type's own, in its vendor's shape. */
	private static List<FieldProblem> tokenProblems(ChannelRequest request, @Nullable NotificationChannel existing,
			String prefix) {
		ChannelType type = Objects.requireNonNull(request.type());
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, @Nullable String> given = new LinkedHashMap<>();
		given.put("routingKey", request.routingKey());
		given.put("apiKey", request.apiKey());
		given.put("botToken", request.botToken());
		given.put("accessToken", request.accessToken());
		given.forEach((field, value) -> {
			if (value != null && !field.equals(type.tokenField())) {
				problems
					.add(new FieldProblem(prefix + field, "only " + TOKEN_OWNERS.get(field) + " channels have one"));
			}
		});
		String field = type.tokenField();
		if (field == null) {
			return problems;
		}
		String token = request.token();
		if (token == null || token.isBlank()) {
			if (type.tokenRequired() && existing == null) {
				problems.add(new FieldProblem(prefix + field, "is required"));
			}
			return problems;
		}
		if (Masks.isMask(token)) {
			if (existing == null) {
				problems.add(new FieldProblem(prefix + field, "is masked; a new channel needs it in full"));
			}
			return problems;
		}
		String shape = switch (type) {
			case PAGERDUTY -> ROUTING_KEY.matcher(token).matches() ? null
					: "must be the 32-character integration key of an Events API v2 integration";
			case TELEGRAM -> BOT_TOKEN.matcher(token).matches() ? null
					: "must be the bot token from @BotFather, e.g. 123456789:AAHdqTcvCH1vGWJx";
			default -> CREDENTIAL.matcher(token).matches() ? null : "must be 8 to 512 characters without spaces";
		};
		if (shape != null) {
			problems.add(new FieldProblem(prefix + field, shape));
		}
		return problems;
	}

	/**
	 * Why a webhook signing secret cannot be used, or null: a {@code whsec_} secret must
	 * carry base64 of at least 16 bytes; older secrets at least 16 characters.
	 */
	static @Nullable String signingSecretProblem(String secret) {
		if (secret.startsWith(WHSEC)) {
			try {
				byte[] key = Base64.getDecoder().decode(secret.substring(WHSEC.length()));
				return (key.length >= 16) ? null : "must carry at least 16 bytes of key after whsec_";
			}
			catch (IllegalArgumentException ex) {
				return "must be whsec_ followed by base64";
			}
		}
		return (secret.strip().length() < 16) ? "must be at least 16 characters" : null;
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
		if (channel.getType().hasApiUrl()) {
			channel.setApiUrl(blankToNull(request.apiUrl()));
		}
		if (channel.getType() == ChannelType.TELEGRAM) {
			channel.setChatId(Objects.requireNonNull(request.chatId()).strip());
		}
		String token = request.token();
		if (token != null && !token.isBlank() && !Masks.isMask(token)) {
			channel.setToken(this.secrets.seal(token, channel.context(TOKEN)), Masks.secret(token));
		}
	}

	/** Whether applying {@code request} would change {@code channel}. */
	public boolean changes(NotificationChannel channel, ChannelRequest request) {
		String url = request.url();
		String secret = request.signingSecret();
		String token = request.token();
		boolean urlChanged = url != null && !Masks.isMask(url) && !url.equals(openUrl(channel));
		boolean secretChanged = secret != null && !Masks.isMask(secret) && !secret.equals(this.secrets
			.open(Objects.requireNonNull(channel.getSigningSecretEncrypted()), channel.context(SIGNING_SECRET)));
		boolean tokenChanged = token != null && !token.isBlank() && !Masks.isMask(token)
				&& (channel.getTokenEncrypted() == null || !token.equals(openToken(channel)));
		boolean settingsChanged = channel.getType().hasApiUrl()
				&& !Objects.equals(channel.getApiUrl(), blankToNull(request.apiUrl()))
				|| (channel.getType() == ChannelType.TELEGRAM && !Objects.equals(channel.getChatId(),
						(request.chatId() != null) ? request.chatId().strip() : null));
		return !channel.getName().equals(Objects.requireNonNull(request.name()).strip())
				|| !channel.getAddresses().equals(addresses(request)) || urlChanged || secretChanged || tokenChanged
				|| settingsChanged;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
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

	/** A Standard Webhooks secret: whsec_ and base64 of 32 random bytes. */
	private static String generateSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return WHSEC + Base64.getEncoder().encodeToString(bytes);
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
