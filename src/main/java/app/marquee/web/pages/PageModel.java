package app.marquee.web.pages;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.marquee.accounts.CurrentUser;

/** What every page's layout shows: the signed-in profile (or none) and its language. */
@ControllerAdvice(basePackageClasses = PageModel.class)
final class PageModel {

    @ModelAttribute("me")
    @Nullable CurrentUser me() {
        return SignedInPages.currentUser();
    }

    @ModelAttribute("lang")
    String lang(HttpServletRequest request) {
        CurrentUser user = SignedInPages.currentUser();
        return user == null ? Languages.DEFAULT : Languages.of(request, user);
    }
}
