/**
 * People who sign in or call the API.
 */
@NullMarked
package io.pepper.admin.user;

import org.jspecify.annotations.NullMarked;
