/**
 * Which network addresses Pepper may reach on a user's behalf (the SSRF guard), shared by
 * every service that sends requests to user-supplied URLs. Plain Java, no Spring.
 */
@NullMarked
package io.pepper.net;

import org.jspecify.annotations.NullMarked;
