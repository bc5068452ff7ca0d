package io.pepper.admin.alerting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pepper.contracts.v1.AlertPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the policy that applies to an endpoint of one organization: its own policy,
 * else the policy of the first of its tags (in the order the endpoint lists them) that
 * has one, else the organization's default, else {@link AlertPolicy#DEFAULT}. Tag order
 * is the operator's to choose, so the choice is both deterministic and controllable.
 */
final class EffectivePolicies {

	private final Map<UUID, AlertPolicy> byEndpoint = new HashMap<>();

	private final Map<String, AlertPolicy> byTag = new HashMap<>();

	private @Nullable AlertPolicy organizationDefault;

	void add(@Nullable UUID endpointId, @Nullable String tag, AlertPolicy policy) {
		if (endpointId != null) {
			this.byEndpoint.put(endpointId, policy);
		}
		else if (tag != null) {
			this.byTag.put(tag, policy);
		}
		else {
			this.organizationDefault = policy;
		}
	}

	AlertPolicy resolve(UUID endpointId, List<String> tags) {
		AlertPolicy own = this.byEndpoint.get(endpointId);
		if (own != null) {
			return own;
		}
		for (String tag : tags) {
			AlertPolicy tagged = this.byTag.get(tag);
			if (tagged != null) {
				return tagged;
			}
		}
		return (this.organizationDefault != null) ? this.organizationDefault : AlertPolicy.DEFAULT;
	}

}
