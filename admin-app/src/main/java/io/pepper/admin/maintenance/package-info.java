/**
 * Maintenance windows: one-off or weekly periods during which notifications are held back
 * for some endpoints, some tags or the whole organization.
 */
@NullMarked
package io.pepper.admin.maintenance;

import org.jspecify.annotations.NullMarked;
