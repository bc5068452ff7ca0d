/**
 * Which policy, channels and maintenance windows apply to an endpoint: the
 * {@link io.pepper.failure.alerting.AlertingConfiguration} port, fed by admin-app's
 * service API or, stand-alone, by the service's own defaults.
 */
@NullMarked
package io.pepper.failure.alerting;

import org.jspecify.annotations.NullMarked;
