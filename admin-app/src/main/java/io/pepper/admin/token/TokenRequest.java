package io.pepper.admin.token;

import io.pepper.admin.web.Name;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to make a token.
 *
 * @param name what the token is for, e.g. "CI"
 */
public record TokenRequest(@Name @Nullable String name) {

}
