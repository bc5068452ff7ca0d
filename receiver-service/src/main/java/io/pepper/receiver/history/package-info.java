/**
 * The history API for admin-app: series per endpoint and step, Apdex with its threshold,
 * and summaries for a page of endpoints, read from the metric store's rollups.
 */
@NullMarked
package io.pepper.receiver.history;

import org.jspecify.annotations.NullMarked;
