package app.marquee.web.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.marquee.accounts.Accounts;

/** Which pages need a signed-in profile. */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

    private final Accounts accounts;

    PagesConfiguration(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SignedInPages(accounts))
                .addPathPatterns("/", "/movie/**", "/show/**", "/watch/**", "/search", "/rows", "/settings/**",
                        "/admin/**");
    }
}
