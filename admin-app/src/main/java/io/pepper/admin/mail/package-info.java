/**
 * Mail people receive from the admin app: sign-up confirmations and invitations.
 */
@NullMarked
package io.pepper.admin.mail;

import org.jspecify.annotations.NullMarked;
