/**
 * Telling people about failures: a transactional outbox of notifications, delivered by a
 * dispatcher through pluggable {@link io.pepper.failure.notify.NotificationChannel}s.
 */
@NullMarked
package io.pepper.failure.notify;

import org.jspecify.annotations.NullMarked;
