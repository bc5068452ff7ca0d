/**
 * Stateless bearer-token security for the people's and the probes' APIs.
 */
@NullMarked
package io.pepper.admin.security;

import org.jspecify.annotations.NullMarked;
