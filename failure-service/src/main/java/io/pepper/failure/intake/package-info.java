/**
 * Failed checks in: {@code POST /v1/failures} from probes, stored and counted once each.
 */
@NullMarked
package io.pepper.failure.intake;

import org.jspecify.annotations.NullMarked;
