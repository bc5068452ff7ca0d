package io.pepper.admin.signin;

import java.util.List;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.user.User;
import io.pepper.contracts.auth.BearerTokens;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per email and per client address in Redis, so every instance of
 * the app sees the same counts. Past a threshold each failure refuses further attempts
 * for a delay that doubles up to a maximum: guessing gets slow, but nobody is locked out
 * for good. A plain counter with a doubling delay is what this needs; a token-bucket
 * library would add a dependency without expressing it better.
 */
@Component
public class LoginThrottle {

	/**
	 * Counts one failure (the window slides with every failure) and, past the threshold,
	 * sets the refusal marker for a doubled delay.
	 */
	private static final RedisScript<Long> FAILURE = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			local over = n - tonumber(ARGV[2])
			if over >= 0 then
				local delay = math.min(tonumber(ARGV[3]) * 2 ^ math.min(over, 40), tonumber(ARGV[4]))
				redis.call('SET', KEYS[2], '1', 'PX', math.floor(delay))
			end
			return n
			""", Long.class);

	private final StringRedisTemplate redis;

	private final AdminProperties.Login settings;

	private final String prefix;

	LoginThrottle(StringRedisTemplate redis, AdminProperties properties) {
		this.redis = redis;
		this.settings = properties.ui().login();
		this.prefix = properties.ui().redisKeyPrefix() + "login:";
	}

	/** Whether sign-in for {@code email} from {@code address} is refused for now. */
	public boolean isRefused(String email, String address) {
		Long refused = this.redis.countExistingKeys(List.of(blocked(accountKey(email)), blocked(addressKey(address))));
		return refused != null && refused > 0;
	}

	public void recordFailure(String email, String address) {
		fail(accountKey(email), this.settings.accountFailures());
		fail(addressKey(address), this.settings.ipFailures());
	}

	/** A correct password clears the account's failures; the address keeps its count. */
	public void recordSuccess(String email) {
		String account = accountKey(email);
		this.redis.delete(List.of(account, blocked(account)));
	}

	private void fail(String key, int threshold) {
		this.redis.execute(FAILURE, List.of(key, blocked(key)), String.valueOf(this.settings.window().toMillis()),
				String.valueOf(threshold), String.valueOf(this.settings.firstDelay().toMillis()),
				String.valueOf(this.settings.maxDelay().toMillis()));
	}

	// Emails are hashed so that Redis holds no address book of who tried to sign in.
	private String accountKey(String email) {
		return this.prefix + "account:" + BearerTokens.sha256Hex(User.normalize(email));
	}

	private String addressKey(String address) {
		return this.prefix + "address:" + address;
	}

	private static String blocked(String key) {
		return key + ":refused";
	}

}
