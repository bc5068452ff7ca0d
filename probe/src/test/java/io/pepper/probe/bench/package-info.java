/**
 * The probe benchmark: a target farm run as its own process, and the benchmark that
 * drives the probe and prometheus-blackbox-exporter against it.
 */
@NullMarked
package io.pepper.probe.bench;

import org.jspecify.annotations.NullMarked;
