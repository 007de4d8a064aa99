package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.ProjectFiles;
import eu.s3cop.testing.PublishedSamples;
import eu.s3cop.testing.SampleMaterials;
import eu.s3cop.testing.SentEmails;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.Dimension;
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
 * local catalogue: by working group, by search without accents, and downloads (a brief, an
 * event's slides) through presigned links; registers for a webinar with the catalogue's form, confirms from the link in
 * the email and cancels from the link in a later one; axe-core finds no WCAG 2.1 A or AA
 * violation on any page.
 */
@LocalAws
class CatalogueBrowserIntegrationTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String WEBINAR_TITLE = "Registration walk-through";
    private static final String SMALL_TITLE = "Registration walk-through in a small room";
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
        String starts = LocalDateTime.now(ZoneId.of("Europe/Brussels")).plusDays(5).truncatedTo(ChronoUnit.HOURS).toString();
        try (var s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket(stack.bucket("UploadsBucket")).key("webinars/walk-through.yaml"), RequestBody.fromString(
                    "title: " + WEBINAR_TITLE + "\nworking_group: innovation-diffusion\nstarts: " + starts + "\nduration: PT1H\n"
                            + "description: |\n  How to **register**, confirm and cancel; see [the catalogue](https://s3cop.example.org/).\n"
                            + "speakers:\n  - {name: Alison Hunter, role: Rapporteur}\n"
                            + "registration: {capacity: 40}\njoin_url: https://example.org/join/walk-through\n"));
            // A room of one place, whose second registrant waits for it.
            s3.putObject(put -> put.bucket(stack.bucket("UploadsBucket")).key("webinars/walk-through-small.yaml"), RequestBody.fromString(
                    "title: " + SMALL_TITLE + "\nworking_group: innovation-diffusion\nstarts: " + starts + "\nduration: PT1H\n"
                            + "registration: {capacity: 1}\njoin_url: https://example.org/join/walk-through-small\n"));
            // A hybrid event, whose confirm page also asks how its registrant attends.
            s3.putObject(put -> put.bucket(stack.bucket("UploadsBucket")).key("webinars/walk-through-hybrid.yaml"), RequestBody.fromString(
                    "title: " + WEBINAR_TITLE + " in a room\nworking_group: innovation-diffusion\nstarts: " + starts + "\nduration: PT1H\n"
                            + "format: hybrid\nvenue: {name: Conference venue, city: Brussels, country: BE}\n"
                            + "registration: {capacity: 40, in_person_capacity: 10}\njoin_url: https://example.org/join/walk-through-hybrid\n"));
            for (String group : List.of("innovation-diffusion", "interregional-cooperation", "industrial-transition")) {
                String key = "working-groups/" + group + ".yaml";
                s3.putObject(put -> put.bucket(stack.bucket("UploadsBucket")).key(key), ProjectFiles.event(key));
            }
        }
        stack.awaitIdle(Duration.ofSeconds(60));
        // Once the event exists, its slides: the page lists them, and the checker reads that list too.
        try (var s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket(stack.bucket("UploadsBucket")).key("webinars/walk-through/materials/Walk-through slides.pdf"),
                    RequestBody.fromBytes(SampleMaterials.pdf("Walk through")));
            s3.putObject(put -> put.bucket(stack.bucket("UploadsBucket")).key("webinars/walk-through/materials/notes.docx"),
                    RequestBody.fromBytes(SampleMaterials.docx("Notes")));
        }
        stack.awaitIdle(Duration.ofSeconds(60));

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

        // The title opens the brief's page: how to cite it, and its download.
        result.findElement(By.cssSelector("h3 a")).click();
        assertThat(heading("Transformacja przemysłowa na Śląsku")).isEqualTo("Transformacja przemysłowa na Śląsku");
        assertThat(browser.findElement(By.cssSelector(".citation")).getText()).contains("Interregional Cooperation working group");
        assertThat(browser.findElements(By.cssSelector(".cite-formats a"))).extracting(link -> link.getText())
                .containsExactly("BibTeX", "RIS (EndNote, Zotero, Mendeley)", "CSL-JSON", "DataCite XML");
        assertNoAxeViolations("a publication's page");
        browser.findElement(By.cssSelector("a.download")).click();
        Path pdf = downloads.resolve("generated-11-v1.pdf");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.isRegularFile(pdf) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(pdf).as("the downloaded brief").isRegularFile();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aReaderFindsAWordInsideABriefSeesWhereItMatchedNarrowsByTheCountsAndSearchesAPhrase() throws Exception {
        browser.get(site("/"));
        WebElement search = browser.findElement(By.id("q"));
        // A word only the text of "Understanding the bottlenecks to innovation diffusion" holds, not its title or summary.
        search.sendKeys("absorptive");
        search.sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("1 publication matches “absorptive”.");
        WebElement result = browser.findElement(By.cssSelector("ol.publications article"));
        assertThat(result.findElement(By.cssSelector("h3")).getText()).isEqualTo("Understanding the bottlenecks to innovation diffusion");
        assertThat(result.findElements(By.cssSelector("p.snippet mark"))).extracting(WebElement::getText).contains("Absorptive");
        assertNoAxeViolations("the search page with a snippet");

        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("regions");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        // The answer replaces the page the button was on: wait for it rather than read the old one's facets.
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(driver -> driver.findElement(By.cssSelector("[role=status]")).getText().contains("“regions”"));
        List<String> groups = browser.findElements(By.cssSelector(".facets ul")).get(0).findElements(By.tagName("li")).stream()
                .map(WebElement::getText).toList();
        assertThat(groups).isNotEmpty().allSatisfy(group -> assertThat(group).matches(".+ \\(\\d+\\)"));
        WebElement narrower = browser.findElements(By.cssSelector(".facets a")).get(0);
        String chosen = narrower.getText();
        narrower.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(driver -> !driver.findElements(By.cssSelector(".facets strong")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".facets strong")).getText()).isEqualTo(chosen);
        int count = Integer.parseInt(chosen.replaceAll(".*\\((\\d+)\\)$", "$1"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith(count + (count == 1 ? " publication" : " publications"));

        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("\"absorptive capacity\"");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        assertThat(browser.findElements(By.cssSelector("ol.publications article h3"))).extracting(WebElement::getText)
                .containsExactly("Understanding the bottlenecks to innovation diffusion");
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("\"capacity absorptive\"");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        // The answer replaces the page the button was on: wait for it rather than read the old one's status.
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(driver -> driver.findElement(By.cssSelector("[role=status]")).getText().startsWith("0 publications match"));
    }

    @Test
    void aReaderReadsABriefOnlineWithItsFigureTableAndNoteAndOnAPhoneNothingButTheTableScrolls() throws Exception {
        browser.get(site("/working-groups/innovation-diffusion.html"));
        WebElement entry = browser.findElement(By.xpath("//article[.//h3[normalize-space()='Cloud services in regional SMEs: three regions compared']]"));
        entry.findElement(By.cssSelector("a.read")).click();
        assertThat(heading("Cloud services in regional SMEs: three regions compared")).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("article.brief")).getAttribute("lang")).isEqualTo("en");

        WebElement figure = browser.findElement(By.cssSelector("figure img"));
        assertThat(figure.getAttribute("alt")).startsWith("Bar chart: 41% of SMEs");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", figure);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> ((Number) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", figure)).intValue() > 0);
        assertThat(browser.findElement(By.cssSelector("figure figcaption")).getText()).isEqualTo("Figure 1: SMEs adopting cloud services, 2023");
        assertThat(browser.findElement(By.cssSelector("table caption")).getText()).startsWith("Table 1: Adoption of cloud services");
        assertThat(browser.findElements(By.cssSelector("table thead th"))).hasSize(3);

        browser.findElement(By.cssSelector("sup a[href^='#fn']")).click();
        String note = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('#') + 1);
        assertThat(browser.findElement(By.id(note)).getText()).contains("Each region reports its S3 indicators");
        browser.findElement(By.linkText("Three regions, one gap")).click();
        assertThat(browser.getCurrentUrl()).endsWith("#section-2");
        assertNoAxeViolations("a brief read online");

        Dimension wide = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(360, 740));
            browser.navigate().refresh();
            JavascriptExecutor page = (JavascriptExecutor) browser;
            assertThat(((Number) page.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                    .as("the page scrolls sideways on a phone").isLessThanOrEqualTo(0);
            assertThat(((Number) page.executeScript("return document.querySelector('figure img').getBoundingClientRect().right")).doubleValue())
                    .isLessThanOrEqualTo(((Number) page.executeScript("return document.documentElement.clientWidth")).doubleValue());
        } finally {
            browser.manage().window().setSize(wide);
        }

        browser.findElement(By.linkText("All versions and how to cite")).click();
        assertThat(browser.findElement(By.cssSelector("p.actions a.read")).getText()).startsWith("Read online");
        browser.get(site("/publications/innovation-diffusion/generated-0"));
        assertThat(browser.findElements(By.cssSelector("ol.versions a[href*='/read/']"))).extracting(link -> link.getAttribute("href"))
                .as("every version keeps its own page").containsExactly(site("/read/innovation-diffusion/generated-0/v2.html"),
                        site("/read/innovation-diffusion/generated-0/v1.html"));
        browser.findElements(By.cssSelector("ol.versions a[href*='/read/']")).get(1).click();
        assertThat(browser.findElement(By.cssSelector("article.brief")).getText()).contains("Text of brief 0.").doesNotContain("Revised");
    }

    @Test
    void aTranslationAndItsOriginalLinkEachOtherByLanguageAndTheGroupListsTheWorkOnce() throws Exception {
        String original = "/publications/industrial-transition/skills-for-industrial-transition";
        String english = "/publications/industrial-transition/transition-skills-en";
        List<String> work = List.of("de " + original, "en " + english, "x-default " + original);
        browser.get(site(original));
        assertThat(alternates()).containsExactlyInAnyOrderElementsOf(work);
        WebElement also = browser.findElement(By.cssSelector("main p.languages a"));
        assertThat(also.getText()).isEqualTo("English");
        assertThat(also.getAttribute("hreflang")).isEqualTo("en");
        also.click();
        assertThat(heading("Skills for industrial transition: lessons from regions in structural change")).isNotEmpty();
        assertThat(alternates()).as("the same alternates, reciprocally").containsExactlyInAnyOrderElementsOf(work);
        assertThat(browser.findElement(By.cssSelector("main p.languages a")).getText()).isEqualTo("Deutsch");
        assertNoAxeViolations("a translation's page");

        browser.get(site("/working-groups/industrial-transition.html"));
        String listed = browser.findElement(By.cssSelector("ol.publications")).getText();
        assertThat(listed).contains("Kompetenzen für den industriellen Wandel", "Also in: English")
                .doesNotContain("Skills for industrial transition: lessons");
    }

    /** The page's alternate languages, as "hreflang path". */
    private static List<String> alternates() {
        return browser.findElements(By.cssSelector("link[rel=alternate][hreflang]")).stream()
                .map(link -> link.getAttribute("hreflang") + " " + URI.create(link.getAttribute("href")).getPath()).toList();
    }

    @Test
    void aReaderSubscribesToAGroupsNewsFromItsPageAndConfirmsFromTheEmail() throws Exception {
        browser.get(site("/working-groups/interregional-cooperation.html"));
        WebElement section = browser.findElement(By.cssSelector("section[aria-labelledby=news-heading]"));
        assertThat(section.getText()).contains("Interregional Cooperation working group");
        WebElement form = section.findElement(By.tagName("form"));
        form.findElement(By.id("news-email")).sendKeys("joanna.news@example.org");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(heading("Check your inbox")).isEqualTo("Check your inbox");
        assertNoAxeViolations("the answer to a subscription");
        stack.awaitIdle(Duration.ofSeconds(30));

        browser.get(SentEmails.subscriptionPage(stack, "Confirm your subscription to S3 CoP news"));
        assertThat(heading("Confirm your subscription")).isEqualTo("Confirm your subscription");
        assertNoAxeViolations("a subscription's page");
        browser.findElement(By.id("frequency-weekly")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Confirm']")).click();
        assertThat(heading("You are subscribed")).isEqualTo("You are subscribed");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("new publications of the Interregional Cooperation working group, once a week");
    }

    @Test
    void aFullWebinarsFreedPlaceGoesToTheFirstInLineWhoTakesItFromTheEmail() throws Exception {
        registerOnTheWebinarsPage("Register", "Alison Hunter", "alison.hunter@example.org");
        browser.get(SentEmails.registrationPage(stack, "Confirm your registration: " + SMALL_TITLE));
        browser.findElement(By.xpath("//button[normalize-space()='Confirm']")).click();
        assertThat(heading("You are registered")).isEqualTo("You are registered");

        registerOnTheWebinarsPage("Join the waiting list", "Susana Elena-Perez", "susana.elena-perez@example.org");
        browser.get(SentEmails.registrationPage(stack, "Confirm your registration: " + SMALL_TITLE));
        assertThat(heading("Join the waiting list")).isEqualTo("Join the waiting list");
        browser.findElement(By.xpath("//button[normalize-space()='Join the waiting list']")).click();
        assertThat(heading("You are on the waiting list")).isEqualTo("You are on the waiting list");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("you are number 1 on the waiting list");
        assertNoAxeViolations("the waiting list's answer");

        browser.get(SentEmails.registrationPage(stack, "You are registered: " + SMALL_TITLE));
        browser.findElement(By.xpath("//button[normalize-space()='Cancel my registration']")).click();
        assertThat(heading("Registration cancelled")).isEqualTo("Registration cancelled");
        stack.awaitIdle(Duration.ofSeconds(60));

        browser.get(SentEmails.registrationPage(stack, "A place is free for you: " + SMALL_TITLE));
        assertThat(heading("A place is free for you")).isEqualTo("A place is free for you");
        assertNoAxeViolations("an offered place's page");
        browser.findElement(By.xpath("//button[normalize-space()='Take the place']")).click();
        assertThat(heading("You are registered")).isEqualTo("You are registered");
    }

    /** Fills in and sends the small room's form on its page, as a visitor does; the inbox then holds the link. */
    private static void registerOnTheWebinarsPage(String purpose, String name, String email) {
        browser.get(site("/webinars/walk-through-small"));
        // The page may be kept a minute; reloading asks again, as a visitor does who saw it before.
        browser.navigate().refresh();
        WebElement form = browser.findElement(By.cssSelector("form[aria-label='" + purpose + " for " + SMALL_TITLE + "']"));
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.tagName("button")).click();
        assertThat(heading("Check your inbox")).isEqualTo("Check your inbox");
        stack.awaitIdle(Duration.ofSeconds(60));
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
        String title = WEBINAR_TITLE;
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
    void aVisitorOpensAWebinarFromTheHomePageReadsAboutItAndDownloadsItsSlides() throws Exception {
        browser.get(site("/index.html"));
        browser.findElement(By.linkText(WEBINAR_TITLE)).click();
        assertThat(heading(WEBINAR_TITLE)).isEqualTo(WEBINAR_TITLE);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Places left", "UTC", "Alison Hunter, Rapporteur",
                "How to register, confirm and cancel").containsPattern("\\d+ of 40").doesNotContain("join/walk-through");
        assertThat(browser.findElements(By.cssSelector("form.register"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[aria-labelledby=materials-heading]")).getText())
                .contains("Slides and materials", "notes.docx (Word document, ").containsPattern("Walk-through slides\\.pdf \\(PDF, \\d+ bytes\\)");
        // The slides download under their own name, through the short-lived link.
        browser.findElement(By.linkText("Walk-through slides.pdf")).click();
        Path slides = downloads.resolve("Walk-through slides.pdf");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.isRegularFile(slides) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(slides).as("the downloaded slides").hasBinaryContent(SampleMaterials.pdf("Walk through"));
    }

    @Test
    void aVisitorOpensAWorkingGroupAndSeesItsMembersByCountryAndItsMeetings() {
        browser.get(site("/"));
        browser.findElement(By.cssSelector("nav")).findElement(By.linkText("Innovation Diffusion")).click();
        assertThat(heading("Innovation Diffusion working group")).isEqualTo("Innovation Diffusion working group");
        WebElement participants = browser.findElement(By.cssSelector("[aria-labelledby=participants-heading]"));
        assertThat(participants.getText()).contains("Chair", "Santiago Donat (Spain)", "Rapporteur", "Alison Hunter (Belgium)", "13 members");
        List<String> countries = participants.findElements(By.cssSelector("dl.members dt")).stream().map(WebElement::getText).toList();
        assertThat(countries).contains("Croatia", "Czech Republic").isSorted();
        assertThat(participants.findElement(By.xpath(".//dt[.='Czech Republic']/following-sibling::dd[1]")).getText()).isEqualTo("David Uhlřř");
        assertThat(participants.findElement(By.xpath(".//dt[.='Croatia']/following-sibling::dd[1]")).getText()).isEqualTo("Stjepan Marković");
        assertThat(browser.findElement(By.cssSelector("[aria-labelledby=meetings-heading]")).getText()).contains("June 2023: Kick-off");
        assertThat(browser.findElement(By.linkText("New publications (Atom feed)")).getAttribute("href"))
                .endsWith("/working-groups/innovation-diffusion/feed.xml");

        browser.findElement(By.cssSelector("nav")).findElement(By.linkText("Industrial Transition")).click();
        assertThat(browser.findElement(By.cssSelector("[aria-labelledby=participants-heading]")).getText())
                .contains("No participants are listed yet.");
    }

    /**
     * Every kind of page the site and the API answer a browser with, checked by the Nu Html
     * Checker: no error, and each under 50 KB.
     */
    @Test
    void everyKindOfPageIsValidHtmlAndSmall() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, HttpRequest> requests = new java.util.LinkedHashMap<>();
        for (String path : List.of("/", "/working-groups/innovation-diffusion.html", "/working-groups/industrial-transition.html",
                "/working-groups/interregional-cooperation.html", "/publications?q=slasku", "/publications?q=regions&working_group=innovation-diffusion", "/webinars/walk-through",
                "/publications/interregional-cooperation/generated-11", "/read/innovation-diffusion/cloud-adoption-in-regions/v1.html",
                "/publications/industrial-transition/skills-for-industrial-transition", "/publications/industrial-transition/transition-skills-en",
                "/webinars/walk-through/registrations/" + "A".repeat(32))) {
            requests.put(path, HttpRequest.newBuilder(URI.create(site(path))).header("Accept", "text/html").build());
        }
        requests.put("the form's answer", HttpRequest.newBuilder(URI.create(site("/webinars/walk-through/registrations")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Alison+Hunter&email=validity%40example.org")).build());
        requests.put("the hybrid event's form's answer", HttpRequest.newBuilder(URI.create(site("/webinars/walk-through-hybrid/registrations")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Alison+Hunter&email=validity%40example.org")).build());
        requests.put("a subscription's answer", HttpRequest.newBuilder(URI.create(site("/subscriptions")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=validity%40example.org&scope=all&frequency=each")).build());
        requests.put("a refused form", HttpRequest.newBuilder(URI.create(site("/webinars/walk-through/registrations")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=1&email=validity%40example.org")).build());
        Path pages = Files.createTempDirectory("pages");
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, HttpRequest> request : requests.entrySet()) {
            files.put(request.getKey(), fetch(http, request.getValue(), pages, files.size()));
        }
        stack.awaitIdle(Duration.ofSeconds(60));
        String page = SentEmails.registrationPage(stack, "Confirm your registration: " + WEBINAR_TITLE);
        files.put("the registration's page", fetch(http, HttpRequest.newBuilder(URI.create(page)).build(), pages, files.size()));
        String hybrid = SentEmails.registrationPage(stack, "Confirm your registration: " + WEBINAR_TITLE + " in a room");
        files.put("the hybrid event's registration page", fetch(http, HttpRequest.newBuilder(URI.create(hybrid)).build(), pages, files.size()));
        String subscription = SentEmails.subscriptionPage(stack, "Confirm your subscription to S3 CoP news");
        files.put("a subscription's page", fetch(http, HttpRequest.newBuilder(URI.create(subscription)).build(), pages, files.size()));
        files.put("a confirmation", fetch(http, HttpRequest.newBuilder(URI.create(page)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=confirm")).build(), pages, files.size()));

        for (Map.Entry<String, String> file : files.entrySet()) {
            assertThat(Files.size(Path.of(file.getValue()))).as(file.getKey()).isLessThan(50 * 1024);
        }
        assertThat(HtmlChecker.errors(files)).isEmpty();
    }

    private static String fetch(HttpClient http, HttpRequest request, Path folder, int n) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).as(request.uri().toString()).hasValue("text/html; charset=utf-8");
        Path file = folder.resolve("page-" + n + ".html");
        Files.writeString(file, response.body(), StandardCharsets.UTF_8);
        return file.toString();
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
                "/working-groups/industrial-transition.html", "/publications?q=uhlrr", "/read/interregional-cooperation/partnerships-across-borders/v1.html")) {
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
