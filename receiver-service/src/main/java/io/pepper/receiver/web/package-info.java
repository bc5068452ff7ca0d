/**
 * What every route shares: bearer-token checks (ingest tokens for results, query tokens
 * for history) and errors as problem details.
 */
@NullMarked
package io.pepper.receiver.web;

import org.jspecify.annotations.NullMarked;
