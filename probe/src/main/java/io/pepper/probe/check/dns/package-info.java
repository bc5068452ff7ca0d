/** The DNS check. */
@NullMarked
package io.pepper.probe.check.dns;

import org.jspecify.annotations.NullMarked;
