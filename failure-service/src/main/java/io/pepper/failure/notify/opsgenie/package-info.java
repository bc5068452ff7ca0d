/**
 * The Opsgenie channel: the Alert API creates an alert when an incident opens and closes
 * it when the incident resolves, the incident's id being the alert's alias.
 */
@NullMarked
package io.pepper.failure.notify.opsgenie;

import org.jspecify.annotations.NullMarked;
