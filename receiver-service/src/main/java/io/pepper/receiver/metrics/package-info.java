/**
 * The latest check of every endpoint at every location as Prometheus gauges, blackbox
 * exporter style, and the scrape token that guards {@code /actuator/prometheus}.
 */
@NullMarked
package io.pepper.receiver.metrics;

import org.jspecify.annotations.NullMarked;
