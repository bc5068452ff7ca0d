/** The {@code pepper} command line: config as code through admin-app's REST API. */
@NullMarked
package io.pepper.cli;

import org.jspecify.annotations.NullMarked;
