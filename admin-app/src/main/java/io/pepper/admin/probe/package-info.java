/**
 * What probes fetch: the enabled endpoints of one location, across organizations.
 */
@NullMarked
package io.pepper.admin.probe;

import org.jspecify.annotations.NullMarked;
