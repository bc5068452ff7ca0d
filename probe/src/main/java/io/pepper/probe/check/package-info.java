/**
 * One HTTP check of one endpoint, with per-phase timings and an outcome that says why it
 * failed; a check never throws.
 */
@NullMarked
package io.pepper.probe.check;

import org.jspecify.annotations.NullMarked;
