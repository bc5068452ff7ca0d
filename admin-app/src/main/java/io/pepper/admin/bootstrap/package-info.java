/**
 * Creates the first organization, owner, tokens and locations from configuration,
 * idempotently.
 */
@NullMarked
package io.pepper.admin.bootstrap;

import org.jspecify.annotations.NullMarked;
