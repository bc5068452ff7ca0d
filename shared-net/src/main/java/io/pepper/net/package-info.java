/**
 * Which network addresses Pepper may reach on a user's behalf (the SSRF guard), and the
 * one HTTP client for requests to user-supplied URLs, which enforces it on the address it
 * connects to. No Spring.
 */
@NullMarked
package io.pepper.net;

import org.jspecify.annotations.NullMarked;
