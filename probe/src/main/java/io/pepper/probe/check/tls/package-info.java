/** The TLS check. */
@NullMarked
package io.pepper.probe.check.tls;

import org.jspecify.annotations.NullMarked;
