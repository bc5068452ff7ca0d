/** The HTTP check. */
@NullMarked
package io.pepper.probe.check.http;

import org.jspecify.annotations.NullMarked;
