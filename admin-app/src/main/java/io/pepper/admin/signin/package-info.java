/**
 * Signing in to the web UI: the login page and throttling of failed attempts.
 */
@NullMarked
package io.pepper.admin.signin;

import org.jspecify.annotations.NullMarked;
