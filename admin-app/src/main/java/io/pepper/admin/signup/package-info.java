/**
 * Signing up: a confirmation link by mail, then a user, an organization and its owner.
 */
@NullMarked
package io.pepper.admin.signup;

import org.jspecify.annotations.NullMarked;
