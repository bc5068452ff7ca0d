/**
 * The SSRF guard of outgoing deliveries: every channel's URL or API base is
 * user-supplied, so every address they resolve to is checked at delivery time, the
 * connection goes only to a checked address, and redirects are not followed.
 */
@NullMarked
package io.pepper.failure.notify.guard;

import org.jspecify.annotations.NullMarked;
