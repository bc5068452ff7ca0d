/**
 * How services authenticate each other: bearer tokens, known to the receiving side only
 * by their SHA-256 digests.
 */
@NullMarked
package io.pepper.contracts.auth;

import org.jspecify.annotations.NullMarked;
