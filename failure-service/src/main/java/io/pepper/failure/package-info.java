/** failure-service: failed checks in, notifications out. */
@NullMarked
package io.pepper.failure;

import org.jspecify.annotations.NullMarked;
