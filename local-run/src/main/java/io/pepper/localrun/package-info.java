/**
 * The local launcher: embedded PostgreSQL, Redis and a mail sink, then the four services
 * as separate processes, all state under {@code .pepper/}.
 */
@NullMarked
package io.pepper.localrun;

import org.jspecify.annotations.NullMarked;
