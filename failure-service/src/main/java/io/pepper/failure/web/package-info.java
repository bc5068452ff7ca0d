/**
 * What every route shares: bearer-token checks (probe tokens for failures, service tokens
 * for the rest) and errors as problem details.
 */
@NullMarked
package io.pepper.failure.web;

import org.jspecify.annotations.NullMarked;
