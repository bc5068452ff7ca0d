package io.pepper.receiver.metrics;

import io.micrometer.core.instrument.Tags;

/**
 * One series of one gauge.
 *
 * @param gauge which gauge
 * @param tags its labels
 * @param value its value
 */
record CheckSeries(CheckGauge gauge, Tags tags, double value) {

}
