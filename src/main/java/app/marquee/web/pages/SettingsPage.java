package app.marquee.web.pages;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.marquee.accounts.CurrentUser;

/** The profile's own settings: the language titles are shown in. */
@Controller
final class SettingsPage {

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("languages", Languages.OFFERED);
        return "settings";
    }

    @PostMapping("/settings/language")
    String language(@RequestParam String lang, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
        if (Languages.isCode(lang)) {
            Languages.remember(response, user, lang);
        }
        return "redirect:/";
    }
}
