/**
 * Name resolution that keeps a check's deadline: asynchronous DNS queries (dnsjava) that
 * give up when the check's time is up, with no cache between checks.
 */
@NullMarked
package io.pepper.probe.dns;

import org.jspecify.annotations.NullMarked;
