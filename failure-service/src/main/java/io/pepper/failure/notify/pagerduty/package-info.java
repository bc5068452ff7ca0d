/**
 * The PagerDuty channel: Events API v2 events that trigger an alert when an incident
 * opens and resolve it when the incident resolves, keyed by the incident's id.
 */
@NullMarked
package io.pepper.failure.notify.pagerduty;

import org.jspecify.annotations.NullMarked;
