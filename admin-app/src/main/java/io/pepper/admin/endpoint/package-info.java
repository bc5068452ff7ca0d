/**
 * The endpoints an organization monitors, and the API to manage them.
 */
@NullMarked
package io.pepper.admin.endpoint;

import org.jspecify.annotations.NullMarked;
