package io.pepper.admin.ui;

import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets page controllers take a {@link CurrentMember} parameter. */
@Configuration(proxyBeanMethods = false)
class UiConfiguration implements WebMvcConfigurer {

	private final CurrentMembers members;

	UiConfiguration(CurrentMembers members) {
		this.members = members;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == CurrentMember.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
					NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
				return UiConfiguration.this.members
					.require(Objects.requireNonNull(request.getNativeRequest(HttpServletRequest.class)));
			}

		});
	}

}
