package io.pepper.admin.config;

import java.util.List;

/**
 * What an import changes (or, in a dry run, would change).
 *
 * @param dryRun whether nothing was applied
 * @param changes each item created, updated or deleted
 * @param unchanged how many items stay as they are
 */
public record ConfigPlan(boolean dryRun, List<Change> changes, int unchanged) {

	/** What happens to one item. */
	public enum Action {

		CREATE, UPDATE, DELETE

	}

	/**
	 * One planned change.
	 *
	 * @param kind endpoint, channel, policy or maintenanceWindow
	 * @param name the item's name
	 * @param action what happens to it
	 */
	public record Change(String kind, String name, Action action) {

	}

}
