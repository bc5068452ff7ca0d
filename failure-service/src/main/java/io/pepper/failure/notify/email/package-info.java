/** The email (SMTP) notification channel. */
@NullMarked
package io.pepper.failure.notify.email;

import org.jspecify.annotations.NullMarked;
