package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.PublishedSamples;
import eu.s3cop.testing.SentEmails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A reader in a real browser (Debian's headless Chromium, driven through ChromeDriver) uses the
 * local catalogue: by working group, by search without accents, and a download through the
 * presigned link; registers for a webinar with the catalogue's form, confirms from the link in
 * the email and cancels from the link in a later one; axe-core finds no WCAG 2.1 A or AA
 * violation on any page.
 */
@LocalAws
class CatalogueBrowserIntegrationTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static LocalCloud stack;
    private static ChromeDriver browser;
    private static Path downloads;
    private static String axe;

    @BeforeAll
    static void start(LocalCloud localCloud, @TempDir Path folder) throws IOException {
        stack = localCloud;
        assertThat(Path.of(CHROMIUM)).as("Chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as("ChromeDriver (apt-get install chromium-driver)").isExecutable();
        Path axeScript = Path.of("target/browser-tools/node_modules/axe-core/axe.min.js");
        assertThat(axeScript).as("axe-core, installed by the build from npm").isRegularFile();
        axe = Files.readString(axeScript, StandardCharsets.UTF_8);
        PublishedSamples.publish(stack, PublishedSamples.GENERATED);

        downloads = Files.createDirectories(folder.resolve("downloads"));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("profile")), "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false,
                "plugins.always_open_pdf_externally", true));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReaderFindsABriefByWorkingGroupAndBySearchWithoutAccentsAndDownloadsIt() throws Exception {
        browser.get(site("/"));
        assertThat(browser.getTitle()).isEqualTo("Publications · S3 CoP");
        browser.findElement(By.linkText("Industrial Transition")).click();
        assertThat(heading("Industrial Transition working group")).isEqualTo("Industrial Transition working group");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Kompetenzen für den industriellen Wandel");

        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("slasku");
        search.sendKeys(Keys.ENTER);
        assertThat(heading("Search results")).isEqualTo("Search results");
        WebElement result = browser.findElement(By.cssSelector("ol.publications article"));
        assertThat(result.getText()).contains("Transformacja przemysłowa na Śląsku");

        result.findElement(By.cssSelector("a.download")).click();
        Path pdf = downloads.resolve("generated-11-v1.pdf");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.isRegularFile(pdf) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(pdf).as("the downloaded brief").isRegularFile();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    /**
     * The page's heading once it reads as expected, or whatever it reads after 30 s. A click or
     * an Enter returns before the next page has loaded, so reading the heading at once races
     * the navigation.
     */
    private static String heading(String expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .ignoring(NoSuchElementException.class)
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> expected.equals(driver.findElement(By.tagName("h1")).getText()));
        } catch (TimeoutException notThere) {
            // the assertion that follows says what the heading is instead
        }
        return browser.findElement(By.tagName("h1")).getText();
    }

    @Test
    void aVisitorRegistersConfirmsFromTheEmailAndCancelsFromALaterOne() throws Exception {
        String title = "Registration walk-through";
        String starts = LocalDateTime.now(ZoneId.of("Europe/Brussels")).plusDays(5).truncatedTo(ChronoUnit.HOURS).toString();
        try (var s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket(stack.bucket("UploadsBucket")).key("webinars/walk-through.yaml"), RequestBody.fromString(
                    "title: " + title + "\nworking_group: innovation-diffusion\nstarts: " + starts + "\nduration: PT1H\n"
                            + "join_url: https://example.org/join/walk-through\n"));
        }
        stack.awaitIdle(Duration.ofSeconds(60));

        // The home page as a first visit finds it: this browser keeps "/" for a minute from the tests before.
        browser.get(site("/index.html"));
        WebElement form = browser.findElement(By.cssSelector("form[aria-label='Register for " + title + "']"));
        form.findElement(By.name("name")).sendKeys("Alison Hunter");
        form.findElement(By.name("email")).sendKeys("alison.hunter@example.org");
        form.findElement(By.tagName("button")).click();
        assertThat(heading("Check your inbox")).isEqualTo("Check your inbox");
        assertNoAxeViolations("the answer to the form");

        stack.awaitIdle(Duration.ofSeconds(60));
        browser.get(SentEmails.registrationPage(stack, "Confirm your registration: " + title));
        assertThat(heading("Confirm your registration")).isEqualTo("Confirm your registration");
        assertNoAxeViolations("the registration's page");
        browser.findElement(By.xpath("//button[normalize-space()='Confirm']")).click();
        assertThat(heading("You are registered")).isEqualTo("You are registered");

        stack.awaitIdle(Duration.ofSeconds(60));
        browser.get(SentEmails.registrationPage(stack, "You are registered: " + title));
        assertThat(heading("You are registered")).isEqualTo("You are registered");
        browser.findElement(By.xpath("//button[normalize-space()='Cancel my registration']")).click();
        assertThat(heading("Registration cancelled")).isEqualTo("Registration cancelled");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("name and address are deleted");
    }

    @Test
    void theSkipLinkIsTheFirstThingTheKeyboardReaches() {
        browser.get(site("/"));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to the publications");
        assertThat(focused.getAttribute("href")).endsWith("#main");
    }

    @Test
    void axeFindsNoWcagViolationsOnAnyPage() throws Exception {
        for (String page : List.of("/", "/working-groups/innovation-diffusion.html", "/working-groups/interregional-cooperation.html",
                "/publications?q=uhlrr")) {
            browser.get(site(page));
            assertNoAxeViolations(page);
        }
    }

    private static void assertNoAxeViolations(String page) throws Exception {
        ((JavascriptExecutor) browser).executeScript(axe);
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(JSON.stringify({violations: r.violations.map(v => v.id + ': ' + v.help), passes: r.passes.length})))"
                        + ".catch(e => done(JSON.stringify({error: String(e)})));");
        Map<String, Object> report = JSON.std.mapFrom(String.valueOf(result));
        assertThat(report).as(page).doesNotContainKey("error");
        assertThat((List<?>) report.get("violations")).as("axe-core violations on " + page).isEmpty();
        assertThat(((Number) report.get("passes")).intValue()).as("axe-core rules passed on " + page).isGreaterThan(10);
    }

    private static String site(String path) {
        return stack.httpEndpoint().orElseThrow() + path;
    }
}
