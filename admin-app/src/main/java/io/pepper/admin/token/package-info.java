/**
 * Personal API tokens and probe tokens, stored as SHA-256 digests.
 */
@NullMarked
package io.pepper.admin.token;

import org.jspecify.annotations.NullMarked;
