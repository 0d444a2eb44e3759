package kz.senim.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;
import kz.senim.test.keycloak.SenimKeycloak;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), 360 px wide like
 * a cheap phone, speaking one language, on the portal through the gateway of the shared {@link EndToEnd}
 * platform. Every {@link #check screen check} saves a screenshot under {@code target/browser-screenshots},
 * runs axe-core in the page (no serious or critical violation allowed) and asserts that the page does not
 * scroll sideways. Without a browser the journeys are skipped ({@link #assumeInstalled()}), not failed.
 * A person's browser comes without cookies; its Chromium may have served an earlier person ({@link #close}).
 *
 * <p>Find elements by id, name or link target, never by visible text: the same journey runs in any language.
 */
final class Browser implements AutoCloseable {

    static final String PASSWORD = "senim-demo";
    static final int WIDTH = 360;
    private static final Path CHROMIUM = Path.of(System.getProperty("senim.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("senim.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * How often a wait looks again. Selenium's default, 500 ms, was paid after almost every click that loads a
     * page (the first look comes before the browser has begun to navigate); each look is one local call.
     */
    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    /** Chromiums no person uses at the moment, by language, newest first. */
    private static final Map<String, Deque<ChromeDriver>> IDLE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::stopIdleBrowsers, "stop-idle-browsers"));
    }

    private final ChromeDriver driver;
    private final String journey;
    private final String language;
    private final String base;
    private final List<String> accessibilityFailures = new ArrayList<>();
    /** Screens numbered per journey, across its browsers, so that screenshots sort in the journey's order. */
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> SCREENS = new ConcurrentHashMap<>();

    /** Skips the calling test, with the reason, where Chromium or its driver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Browser journeys skipped: no " + CHROMIUM + " or " + DRIVER
                        + " (install the Debian packages chromium and chromium-driver; .ci/run does)");
    }

    /**
     * A browser for one person of a journey, asking pages in {@code language}: without cookies, as if new. It is
     * a Chromium of an earlier person of the same language when one is idle (see {@link #close}): starting a
     * Chromium and its driver for every person was a large part of the journeys' CPU (docs/decisions.md 152).
     */
    static Browser open(String journey, String language) {
        assumeInstalled();
        ChromeDriver driver =
                Optional.ofNullable(IDLE.get(language)).map(Deque::pollFirst).orElseGet(() -> start(language));
        return new Browser(driver, journey, language, EndToEnd.platform().gatewayUrl());
    }

    private static ChromeDriver start(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // CI runs as root
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-extensions",
                "--no-first-run",
                "--window-size=" + WIDTH + ",800",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        // Headless Chromium will not make a window narrower than about 500 px: emulate a 360 px phone screen.
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", WIDTH, "height", 800, "pixelRatio", 1.0, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private Browser(ChromeDriver driver, String journey, String language, String base) {
        this.driver = driver;
        this.journey = journey;
        this.language = language;
        this.base = base;
    }

    /** A wait of up to {@link #WAIT}, looking every {@link #LOOK_EVERY}. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT, LOOK_EVERY);
    }

    ChromeDriver driver() {
        return driver;
    }

    String language() {
        return language;
    }

    /** Opens a portal path (e.g. {@code /requests/new}). */
    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in on Keycloak's real login page (opening the portal's sign-in first if needed). */
    Browser signIn(String username) {
        if (!has(By.id("username"))) {
            go("/oauth2/authorization/keycloak");
        }
        waitFor(By.id("username"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        // Keycloak refuses a user's second sign-in while the first is under way: journeys run side by side.
        return SenimKeycloak.oneSignInAt(username, () -> {
            driver.findElement(By.id("kc-login")).click();
            waiting().until(d -> d.getCurrentUrl().startsWith(base));
            return this;
        });
    }

    /** Signs out through the header's form (and Keycloak's logout). */
    Browser signOut() {
        driver.findElement(By.cssSelector("form.logout button")).click();
        waiting().until(d -> d.getCurrentUrl().startsWith(base));
        return this;
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(By by) {
        return waitFor(by);
    }

    WebElement waitFor(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Whether an element shows up on the page within the usual wait. */
    boolean appears(By by) {
        try {
            waitFor(by);
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** Types into a field (its {@code name}), replacing what was there. */
    Browser type(String name, String text) {
        WebElement field = waitFor(By.name(name));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser select(String name, String value) {
        new Select(waitFor(By.name(name))).selectByValue(value);
        return this;
    }

    /**
     * Clicks once the element can be clicked; does not wait for what follows. A click that loads another
     * page goes through {@link #submit}: waiting on elements while the page is being replaced can fail.
     */
    Browser click(By by) {
        WebElement element = waiting().until(ExpectedConditions.elementToBeClickable(by));
        element.click();
        return this;
    }

    /** Clicks a button that sends its form (or a link), and waits until the next page has replaced this one. */
    Browser submit(By button) {
        WebElement before = find(By.tagName("html"));
        click(button);
        waiting().until(page -> replaced(before));
        find(By.tagName("main"));
        return this;
    }

    /**
     * Whether an element's page has been replaced. Chromium answers a question about a node of a page that is
     * being swapped out either with a stale reference or, in the middle of the swap, with an inspector error
     * ("Node with given id does not belong to the document"): both mean the old page is gone.
     */
    private static boolean replaced(WebElement before) {
        try {
            before.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException swapping) {
            String message = String.valueOf(swapping.getMessage());
            if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                return true;
            }
            throw swapping;
        }
    }

    /** Waits until an element is in the page (shown or not), e.g. a button the last action added. */
    Browser waitUntilPresent(By by) {
        waiting().until(ExpectedConditions.presenceOfElementLocated(by));
        return this;
    }

    /** Waits until an element is gone or hidden, e.g. the button of an action that is done. */
    Browser waitUntilGone(By by) {
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(by));
        return this;
    }

    /**
     * Sets an input's value by its id without typing: a datetime-local input takes typed text in the
     * browser's own format, so it is set as ISO.
     */
    Browser setValue(String id, String value) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
        return this;
    }

    /** Accepts the browser's confirm() dialog a button raised (e.g. before withdrawing). */
    Browser acceptDialog() {
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        return this;
    }

    /** Everything the page shows as text. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The page's whole HTML as served (with hidden parts), for confidentiality checks. */
    String source() {
        return driver.getPageSource();
    }

    /**
     * A screen of the journey: saves a screenshot, runs axe-core (WCAG 2.1 A/AA rules) and fails on a
     * serious or critical violation, and checks that nothing is wider than the 360 px screen.
     */
    Browser check(String screen) {
        int number = SCREENS.computeIfAbsent(journey, name -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
        Path file = SCREENSHOTS.resolve(journey).resolve(String.format("%02d-%s-%s.png", number, screen, language));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(serious)
                .as("axe-core: serious or critical violations on %s (%s)", screen, path())
                .isEmpty();
        Number scrollWidth = (Number) ((JavascriptExecutor) driver)
                .executeScript("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);");
        Number viewport = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
        assertThat(viewport.intValue()).as("the screen's width").isEqualTo(WIDTH);
        assertThat(scrollWidth.intValue())
                .as("%s (%s) scrolls sideways at %d px", screen, path(), viewport.intValue())
                .isLessThanOrEqualTo(viewport.intValue());
        return this;
    }

    /**
     * The same screen check on a 1280 px desktop screen: the screen is widened in place (a reload would bring
     * back the phone's width, which ChromeDriver's emulation applies on every load), checked (a screenshot,
     * axe-core, no sideways scrolling) and narrowed to the phone's width again.
     */
    Browser checkWide(String screen) {
        return checkWide(screen, wide -> {});
    }

    /** {@link #checkWide(String)}, and what else is to be seen on the desktop screen while it is wide. */
    Browser checkWide(String screen, java.util.function.Consumer<Browser> whileWide) {
        int width = 1280;
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        try {
            Number viewport = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
            assertThat(viewport.intValue()).as("the desktop screen's width").isEqualTo(width);
            int number = SCREENS.computeIfAbsent(journey, name -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            Path file = SCREENSHOTS
                    .resolve(journey)
                    .resolve(String.format("%02d-%s-%s-%d.png", number, screen, language, width));
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Results results = new AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                    .analyze(driver);
            assertThat(results.getViolations().stream()
                            .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                            .map(Browser::describe)
                            .toList())
                    .as("axe-core: serious or critical violations on %s at %d px (%s)", screen, width, path())
                    .isEmpty();
            Number scrollWidth = (Number) ((JavascriptExecutor) driver)
                    .executeScript("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);");
            assertThat(scrollWidth.intValue())
                    .as("%s (%s) scrolls sideways at %d px", screen, path(), width)
                    .isLessThanOrEqualTo(width);
            whileWide.accept(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        }
        return this;
    }

    private static String describe(Rule rule) {
        String nodes = rule.getNodes().stream()
                .limit(3)
                .map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + nodes;
    }

    /** The value of an input (e.g. a hidden field) by name, if present. */
    Optional<String> value(String name) {
        return driver.findElements(By.name(name)).stream().findFirst().map(element -> element.getAttribute("value"));
    }

    /**
     * Hands the Chromium on to the next person of the same language, without what this person left in it: every
     * cookie of every site is deleted (the portal's session and Keycloak's), the page is left for a blank one and
     * the phone's screen is set again. The portal keeps nothing in the browser's storage but cookies. A browser
     * that does not answer any of this, or shows a dialog, is stopped instead.
     */
    @Override
    public void close() {
        try {
            driver.switchTo().alert().dismiss();
            driver.quit();
            return;
        } catch (NoAlertPresentException expected) {
            // nothing open: the browser can be handed on
        } catch (WebDriverException broken) {
            driver.quit();
            return;
        }
        try {
            if (driver.getWindowHandles().size() != 1) {
                driver.quit();
                return;
            }
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", 800, "deviceScaleFactor", 1, "mobile", true));
            driver.get("about:blank");
            IDLE.computeIfAbsent(language, any -> new ConcurrentLinkedDeque<>()).push(driver);
        } catch (WebDriverException broken) {
            driver.quit();
        }
    }

    /** Stops the idle browsers when the JVM ends (the journeys' last use). */
    private static void stopIdleBrowsers() {
        IDLE.values().forEach(idle -> {
            for (ChromeDriver driver = idle.pollFirst(); driver != null; driver = idle.pollFirst()) {
                try {
                    driver.quit();
                } catch (WebDriverException ignored) {
                    // it is going away with the JVM anyway
                }
            }
        });
    }
}
