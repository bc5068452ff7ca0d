/**
 * Incidents: confirmed from failure reports (N in a row from k of n locations), resolved
 * by forwarded successes, degraded by trend events, with flapping, reminders, maintenance
 * windows and a timeline; and the incident API admin-app reads.
 */
@NullMarked
package io.pepper.failure.incident;

import org.jspecify.annotations.NullMarked;
