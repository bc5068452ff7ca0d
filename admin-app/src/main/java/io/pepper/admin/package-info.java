/**
 * The admin app: organizations, users, endpoints, probe locations and tokens, and the
 * REST API for people and probes.
 */
@NullMarked
package io.pepper.admin;

import org.jspecify.annotations.NullMarked;
