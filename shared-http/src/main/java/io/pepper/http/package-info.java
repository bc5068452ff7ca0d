/**
 * How the services talk to each other: one {@link io.pepper.http.ServiceClient} with one
 * rule for which answers are sent again ({@link io.pepper.http.Verdict}), one
 * {@link io.pepper.http.Backoff}, and one {@link io.pepper.http.SnapshotPoller} for
 * snapshots fetched with their ETag.
 */
@NullMarked
package io.pepper.http;

import org.jspecify.annotations.NullMarked;
