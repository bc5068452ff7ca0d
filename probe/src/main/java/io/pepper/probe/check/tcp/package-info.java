/** The TCP check. */
@NullMarked
package io.pepper.probe.check.tcp;

import org.jspecify.annotations.NullMarked;
