/**
 * The places probes check from.
 */
@NullMarked
package io.pepper.admin.location;

import org.jspecify.annotations.NullMarked;
