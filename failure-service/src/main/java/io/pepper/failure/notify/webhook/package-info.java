/**
 * The generic webhook channel: a JSON body signed with HMAC-SHA256 over a timestamp and
 * the body, so receivers can tell it comes from Pepper and is fresh.
 */
@NullMarked
package io.pepper.failure.notify.webhook;

import org.jspecify.annotations.NullMarked;
