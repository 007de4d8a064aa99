package eu.s3cop.secretariat;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.groups.WorkingGroupRegistry;
import eu.s3cop.groups.store.DynamoDbRegistryStore;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A working group's registry uploaded through the S3 protocol becomes its page: participants
 * with members by country, meetings, expected outputs. A bad file changes nothing.
 */
@LocalAws
class RegisterRegistryIntegrationTest {

    private static LocalCloud stack;
    private static S3Client s3;
    private static DynamoDbRegistryStore registries;

    @BeforeAll
    static void connect(LocalCloud localCloud) {
        stack = localCloud;
        s3 = stack.s3Client();
        registries = new DynamoDbRegistryStore(stack.dynamoDbClient(), "s3cop-webinars");
    }

    @Test
    void theSampleRegistryMakesInnovationDiffusionsPageWithItsMembersByCountry() throws Exception {
        String key = "working-groups/innovation-diffusion.yaml";
        upload(key, Files.readAllBytes(ProjectFiles.event(key)));

        // Another test of this class uploads the group's registry too: this upload registers it or updates it.
        assertThat(report(key)).hasEntrySatisfying("status", status -> assertThat(status).isIn("REGISTERED", "UPDATED"))
                .containsEntry("members", 13).containsEntry("meetings", 5)
                .containsEntry("page", "working-groups/innovation-diffusion.html");
        Document page = page("innovation-diffusion");
        Element participants = page.getElementById("participants-heading").parent();
        assertThat(participants.select("dl.roles dt").eachText()).containsExactly("Working group leader", "Chair", "Rapporteur");
        assertThat(participants.select("dl.roles dd").eachText())
                .containsExactly("Susana Elena-Perez", "Santiago Donat (Spain)", "Alison Hunter (Belgium)");
        Element members = participants.selectFirst("dl.members");
        assertThat(members.select("dt").eachText()).containsExactly("Belgium", "Croatia", "Czech Republic", "Finland", "France",
                "Greece", "Italy", "Netherlands", "Portugal", "Romania", "Spain");
        assertThat(members.select("dt:contains(Czech Republic) + dd").text()).isEqualTo("David Uhlřř");
        assertThat(members.select("dt:contains(Croatia) + dd").text()).isEqualTo("Stjepan Marković");
        assertThat(page.select("ul.meetings li").eachText()).startsWith("June 2023: Kick-off", "September 2023: 1st WG meeting");
        assertThat(page.select("ul.meetings time").first().attr("datetime")).isEqualTo("2023-06");
        assertThat(page.getElementById("outputs-heading").parent().select("li").eachText()).contains("Concept note", "Policy briefs");
        assertThat(page.getElementById("objective-heading").parent().select("li")).hasSize(4);
        assertThat(page.select("a[href=/working-groups/innovation-diffusion/feed.xml]")).isNotEmpty();
        assertThat(page.select("a[href=/calendar.ics?working_group=innovation-diffusion]")).isNotEmpty();
        assertThat(site("working-groups/innovation-diffusion/feed.xml")).contains("Innovation Diffusion working group",
                "working-groups/innovation-diffusion/feed.xml");
    }

    @Test
    void aGroupWithoutARegistryOrWithoutParticipantsSaysSo() throws Exception {
        String key = "working-groups/interregional-cooperation.yaml";
        upload(key, Files.readAllBytes(ProjectFiles.event(key)));
        assertThat(report(key)).containsEntry("status", "REGISTERED").containsEntry("members", 0);
        Document page = page("interregional-cooperation");
        assertThat(page.getElementById("participants-heading").parent().text()).contains("No participants are listed yet.");
        assertThat(page.select("ul.meetings li").eachText()).first().isEqualTo("8 June 2023: Kick-off meeting");
    }

    @Test
    void aBadRegistryIsReportedWithItsLinesAndTheGroupKeepsItsPage() throws Exception {
        String key = "working-groups/industrial-transition.yaml";
        byte[] good = Files.readAllBytes(ProjectFiles.event(key));
        upload(key, good);
        assertThat(report(key)).containsEntry("status", "REGISTERED");
        String before = site("working-groups/industrial-transition.html");

        byte[] bad = "objective: Still here.\nmembers:\n  - {name: Sofia Karveli}\nmeetings:\n  - {date: soon, title: Next}\n".getBytes(StandardCharsets.UTF_8);
        upload(key, bad);
        Map<String, Object> report = report(key);
        assertThat(report).containsEntry("status", "REJECTED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("problems");
        assertThat(problems).extracting(problem -> problem.get("field") + ":" + problem.get("line"))
                .containsExactlyInAnyOrder("members.country:3", "meetings.date:5");
        assertThat(registries.get("industrial-transition").orElseThrow().objective()).contains("RIS3 enabling condition");
        assertThat(s3.getObjectAsBytes(get -> get.bucket("s3cop-uploads").key(key)).asByteArray()).isEqualTo(bad);
        assertThat(site("working-groups/industrial-transition.html")).isEqualTo(before);

        upload(key, good);
        assertThat(report(key)).containsEntry("status", "UNCHANGED");
    }

    @Test
    void aRegistryNamedAfterNoGroupIsRejectedAndWritesNoPage() throws Exception {
        String key = "working-groups/blue-economy.yml";
        upload(key, "objective: Seas and coasts.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(report(key)).containsEntry("status", "REJECTED").extractingByKey("problems").asString()
                .contains("not a working group", "working-groups/interregional-cooperation.yaml");
        assertThat(registries.get("blue-economy")).isEmpty();
        assertThat(s3.listObjectsV2(list -> list.bucket("s3cop-site").prefix("working-groups/blue-economy")).contents()).isEmpty();
    }

    @Test
    void whatTheRegistrySaysIsEscapedAndItsLinksAreHttpOnly() throws Exception {
        String key = "working-groups/innovation-diffusion.yml";
        upload(key, """
                objective: |
                  <script>alert('objective')</script> <img src=x onerror=alert(1)>
                  [a trap](javascript:alert(2)) and [the S3 CoP](https://example.org/s3cop)
                members:
                  - {name: "<b onmouseover=alert(3)>Eve</b>", country: "<i>Spain</i>"}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(report(key)).hasEntrySatisfying("status", status -> assertThat(status).isIn("REGISTERED", "UPDATED"));
        String html = site("working-groups/innovation-diffusion.html");
        assertThat(html).doesNotContain("<script>alert", "<img", "javascript:", "<b onmouseover", "<i>Spain");
        Document page = Jsoup.parse(html);
        assertThat(page.select("main script, main img, main [onerror], main [onmouseover]")).isEmpty();
        assertThat(page.select("#objective-heading + div").text()).contains("<script>alert('objective')</script>");
        assertThat(page.select("dl.members dd").eachText()).containsExactly("<b onmouseover=alert(3)>Eve</b>");
        assertThat(page.select("#objective-heading + div a").eachAttr("href")).containsExactly("https://example.org/s3cop");
        assertThat(registries.get("innovation-diffusion").map(WorkingGroupRegistry::members).orElseThrow()).hasSize(1);
    }

    private static void upload(String key, byte[] bytes) {
        SecretariatFiles.upload(stack, s3, key, bytes);
    }

    private static Map<String, Object> report(String key) throws Exception {
        return SecretariatFiles.report(s3, key);
    }

    private static String site(String key) {
        return s3.getObjectAsBytes(get -> get.bucket("s3cop-site").key(key)).asUtf8String();
    }

    private static Document page(String group) {
        return Jsoup.parse(site("working-groups/" + group + ".html"));
    }
}
