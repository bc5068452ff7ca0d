/**
 * A round: fetch the endpoint list, check every endpoint, deliver the results; run once
 * or at each multiple of the interval.
 */
@NullMarked
package io.pepper.probe.round;

import org.jspecify.annotations.NullMarked;
