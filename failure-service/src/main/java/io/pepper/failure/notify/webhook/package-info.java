/**
 * The generic webhook channel: a JSON body signed as Standard Webhooks define it (and,
 * for one more release, with Pepper's older headers), so receivers can tell it comes from
 * Pepper and is fresh.
 */
@NullMarked
package io.pepper.failure.notify.webhook;

import org.jspecify.annotations.NullMarked;
