/**
 * The HTTP intake of result batches: authenticates the probe, validates the batch and
 * answers only once it is queued.
 */
@NullMarked
package io.pepper.receiver.ingest;

import org.jspecify.annotations.NullMarked;
