/**
 * What the dashboards read from the other services: one typed client of
 * receiver-service's history API and failure-service's incident API, and the live status
 * of an endpoint worked out from both.
 */
@NullMarked
package io.pepper.admin.monitoring;

import org.jspecify.annotations.NullMarked;
