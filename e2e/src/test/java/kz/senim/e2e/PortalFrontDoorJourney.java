package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The portal's front door in a real browser: the welcome page in each language, Keycloak's login page in
 * the page's language, a signed-in home page, and signing out.
 */
@Order(12)
class PortalFrontDoorJourney {

    @Test
    void a_visitor_sees_the_welcome_page_in_each_language_and_a_student_signs_in_and_out() {
        Browser.assumeInstalled();
        Schools.gymnasium1(EndToEnd.api());
        for (String language : new String[] {"kk", "ru", "en"}) {
            try (Browser visitor = Browser.open("front-door", language)) {
                visitor.go("/").check("welcome");
                assertThat(visitor.find(By.tagName("html")).getAttribute("lang"))
                        .isEqualTo(language);
                assertThat(visitor.driver().manage().getCookies())
                        .as("the welcome page keeps no session")
                        .isEmpty();
            }
        }
        try (Browser student = Browser.open("front-door", "ru")) {
            student.go("/?lang=en");
            student.click(By.cssSelector("a.button[href^='/oauth2/authorization/keycloak']"));
            student.waitFor(By.id("username"));
            assertThat(student.find(By.tagName("html")).getAttribute("lang"))
                    .as("Keycloak's login page in the portal's language")
                    .isEqualTo("en");
            student.signIn("student1.gym1").check("dashboard");
            assertThat(student.find(By.tagName("html")).getAttribute("lang"))
                    .as("the language chosen before signing in outlasts the account's (kk)")
                    .isEqualTo("en");
            assertThat(student.has(By.cssSelector("a[href='/requests/new']"))).isTrue();
            assertThat(student.has(By.cssSelector("a[href='/trust-box/threads']")))
                    .as("a student is not offered the coordinators' screens")
                    .isFalse();
            var session = student.driver().manage().getCookieNamed("SENIM_SESSION");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.isSecure()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            student.signOut();
            assertThat(student.path()).isEqualTo("/");
            assertThat(student.has(By.cssSelector("a.button[href^='/oauth2/authorization/keycloak']")))
                    .isTrue();
        }
    }
}
