package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.draft.DraftKey;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.stack.template.LocalResolver;
import eu.s3cop.stack.template.Template;
import eu.s3cop.stack.template.Trigger;
import eu.s3cop.testing.ProjectFiles;
import eu.s3cop.upload.UploadReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The managed policies that people get, read from template.yaml, against the keys the functions
 * read: each group's rapporteurs write exactly the folder that publish-brief publishes that
 * group's briefs from, and the secretariat exactly the folders register-secretariat-files reads.
 */
class PeoplePoliciesTest {

    private static final Map<String, String> RAPPORTEURS = Map.of(
            "innovation-diffusion", "InnovationDiffusionRapporteursPolicy",
            "industrial-transition", "IndustrialTransitionRapporteursPolicy",
            "interregional-cooperation", "InterregionalCooperationRapporteursPolicy");
    private static final String SECRETARIAT = "SecretariatPolicy";

    private static Template template;
    private static String bucketArn;
    private static final Map<String, List<Grant>> grants = new LinkedHashMap<>();

    /** One object action on one resource pattern, or a listing of the bucket under one prefix pattern. */
    private record Grant(String action, String resource) {

        boolean allows(String wanted, String arn) {
            return Roles.glob(action).matcher(wanted).matches() && Roles.glob(resource).matcher(arn).matches();
        }
    }

    @BeforeAll
    static void read() {
        template = ProjectFiles.template();
        LocalResolver resolver = new LocalResolver(template, StackSettings.REGION, Map.of());
        bucketArn = "arn:aws:s3:::" + template.buckets().stream().filter(bucket -> bucket.logicalId().equals("UploadsBucket"))
                .findFirst().orElseThrow().localName();
        template.resources().forEach((id, resource) -> {
            if (!"AWS::IAM::ManagedPolicy".equals(resource.get("Type"))) {
                return;
            }
            List<Grant> policy = new ArrayList<>();
            Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) resource.get("Properties")).get("PolicyDocument");
            for (Object item : (List<?>) document.get("Statement")) {
                Map<?, ?> statement = (Map<?, ?>) item;
                assertThat(statement.get("Effect")).as(id + " " + statement.get("Sid")).isEqualTo("Allow");
                for (Object action : list(statement.get("Action"))) {
                    for (Object resourceValue : list(statement.get("Resource"))) {
                        String arn = resolver.resolve(resourceValue, id);
                        if (action.equals("s3:ListBucket")) {
                            for (String prefix : prefixes(statement)) {
                                policy.add(new Grant("s3:ListBucket", arn + "?prefix=" + prefix));
                            }
                        } else {
                            policy.add(new Grant(String.valueOf(action), arn));
                        }
                    }
                }
            }
            grants.put(id, policy);
        });
    }

    @Test
    void thereIsOnePolicyPerWorkingGroupAndOneForTheSecretariatEachAnOutput() {
        assertThat(grants.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(RAPPORTEURS.values().stream(), java.util.stream.Stream.of(SECRETARIAT)).toList());
        assertThat(List.copyOf(RAPPORTEURS.keySet())).containsExactlyInAnyOrderElementsOf(DraftRules.DEFAULT_WORKING_GROUPS);
        List<String> defaults = List.of(String.valueOf(((Map<?, ?>) template.parameters().get("WorkingGroups")).get("Default")).split(","));
        assertThat(defaults).containsExactlyInAnyOrderElementsOf(RAPPORTEURS.keySet());
        List<String> outputs = ((Map<?, ?>) template.document().get("Outputs")).keySet().stream().map(String::valueOf).toList();
        for (String policy : grants.keySet()) {
            assertThat(outputs).as("the output of " + policy).contains(policy + "Arn");
        }
    }

    @Test
    void rapporteursWriteTheirGroupsDraftFolderAndReadItsReportsAndNothingElse() {
        Trigger.S3 drafts = trigger("publish-brief");
        assertThat(drafts.prefix()).isEqualTo(DraftKey.PREFIX);
        RAPPORTEURS.forEach((group, policy) -> {
            String draft = DraftKey.keyFor(group, "bottlenecks.md");
            String image = DraftKey.keyFor(group, "figures/chart.png");
            assertThat(allows(policy, "s3:PutObject", draft)).as(policy + " uploads " + draft).isTrue();
            assertThat(allows(policy, "s3:PutObject", image)).as(policy + " uploads " + image).isTrue();
            assertThat(allows(policy, "s3:GetObject", draft)).isTrue();
            assertThat(allows(policy, "s3:GetObject", UploadReport.key(draft))).as(policy + " reads its report").isTrue();
            assertThat(lists(policy, DraftKey.PREFIX + group + "/")).isTrue();

            List<String> elsewhere = new ArrayList<>(List.of("webinars/x.yaml", "working-groups/" + group + ".yaml",
                    DraftKey.PREFIX + "x.md", UploadReport.key(draft), "reports/webinars/x.yaml.json",
                    DraftKey.keyFor(WorkingGroupNames.SECRETARIAT, "lessons.md")));
            assertThat(lists(policy, DraftKey.PREFIX + WorkingGroupNames.SECRETARIAT + "/")).as(policy + " lists the secretariat's drafts").isFalse();
            RAPPORTEURS.keySet().stream().filter(other -> !other.equals(group)).forEach(other -> {
                elsewhere.add(DraftKey.keyFor(other, "bottlenecks.md"));
                assertThat(allows(policy, "s3:GetObject", UploadReport.key(DraftKey.keyFor(other, "bottlenecks.md")))).isFalse();
                assertThat(lists(policy, DraftKey.PREFIX + other + "/")).as(policy + " lists " + other).isFalse();
            });
            for (String key : elsewhere) {
                assertThat(allows(policy, "s3:PutObject", key)).as(policy + " uploads " + key).isFalse();
            }
            assertThat(allows(policy, "s3:DeleteObject", draft)).isFalse();
            assertThat(allows(policy, "s3:PutObjectAcl", draft)).isFalse();
        });
    }

    @Test
    void theSecretariatWritesWebinarFilesRegistriesAndItsOwnDraftsAndNoGroupsDraft() {
        String own = DraftKey.keyFor(WorkingGroupNames.SECRETARIAT, "lessons.md");
        assertThat(allows(SECRETARIAT, "s3:PutObject", own)).as(own).isTrue();
        assertThat(allows(SECRETARIAT, "s3:PutObject", DraftKey.keyFor(WorkingGroupNames.SECRETARIAT, "sources.bib"))).isTrue();
        assertThat(allows(SECRETARIAT, "s3:GetObject", UploadReport.key(own))).isTrue();
        assertThat(lists(SECRETARIAT, DraftKey.PREFIX + WorkingGroupNames.SECRETARIAT + "/")).isTrue();
        assertThat(allows(SECRETARIAT, "s3:DeleteObject", own)).isFalse();
        String webinar = trigger("register-secretariat-files").prefix() + "bottlenecks-2024.yaml";
        assertThat(allows(SECRETARIAT, "s3:PutObject", webinar)).as(webinar).isTrue();
        assertThat(allows(SECRETARIAT, "s3:GetObject", UploadReport.key(webinar))).isTrue();
        assertThat(allows(SECRETARIAT, "s3:PutObject", "working-groups/innovation-diffusion.yaml")).isTrue();
        assertThat(allows(SECRETARIAT, "s3:GetObject", UploadReport.key("working-groups/innovation-diffusion.yaml"))).isTrue();
        for (String group : RAPPORTEURS.keySet()) {
            assertThat(allows(SECRETARIAT, "s3:PutObject", DraftKey.keyFor(group, "bottlenecks.md"))).isFalse();
        }
        assertThat(allows(SECRETARIAT, "s3:PutObject", "reports/webinars/bottlenecks-2024.yaml.json")).isFalse();
        assertThat(allows(SECRETARIAT, "s3:DeleteObject", "webinars/bottlenecks-2024.yaml")).isFalse();
    }

    /**
     * A webinar's registration list carries names and addresses: the secretariat's policy reads it
     * and its figures, no rapporteur's does, no earlier version of them is readable, and no
     * function's role reads them back.
     */
    @Test
    void onlyTheSecretariatReadsTheWebinarsRegistrationListsAndFigures() {
        Roles roles = Roles.of(template, StackSettings.REGION);
        for (String key : List.of("reports/webinars/bottlenecks-2024/registrations.csv", "reports/webinars/bottlenecks-2024/figures.json")) {
            assertThat(grants.keySet().stream().filter(policy -> allows(policy, "s3:GetObject", key))).as("who reads " + key)
                    .containsExactly(SECRETARIAT);
            assertThat(grants.keySet().stream().filter(policy -> allows(policy, "s3:GetObjectVersion", key))).as("earlier versions of " + key)
                    .isEmpty();
            RAPPORTEURS.values().forEach(policy -> assertThat(allows(policy, "s3:GetObject", key)).as(policy + " reads " + key).isFalse());
            assertThat(roles.allowedTo("s3:GetObject", bucketArn + "/" + key)).as("functions reading " + key).isEmpty();
            assertThat(roles.allowedTo("s3:PutObject", bucketArn + "/" + key)).as("functions writing " + key)
                    .contains("registration-lists");
        }
        assertThat(lists(SECRETARIAT, "reports/webinars/bottlenecks-2024/")).isTrue();
        RAPPORTEURS.values().forEach(policy -> assertThat(lists(policy, "reports/webinars/bottlenecks-2024/")).as(policy).isFalse());
    }

    @Test
    void noPolicyNamesAnotherBucketOrAWildcardAction() {
        grants.forEach((policy, list) -> assertThat(list).as(policy).allSatisfy(grant -> {
            assertThat(grant.resource()).startsWith(bucketArn);
            assertThat(grant.action()).doesNotContain("*");
        }));
    }

    private static boolean allows(String policy, String action, String key) {
        return grants.get(policy).stream().anyMatch(grant -> grant.allows(action, bucketArn + "/" + key));
    }

    private static boolean lists(String policy, String prefix) {
        return grants.get(policy).stream().anyMatch(grant -> grant.allows("s3:ListBucket", bucketArn + "?prefix=" + prefix));
    }

    private static Trigger.S3 trigger(String function) {
        return template.function(function).triggers(Trigger.S3.class).get(0);
    }

    private static List<String> prefixes(Map<?, ?> statement) {
        Map<?, ?> condition = (Map<?, ?>) statement.get("Condition");
        Map<?, ?> like = (Map<?, ?>) condition.get("StringLike");
        return list(like.get("s3:prefix")).stream().map(String::valueOf).toList();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }
}
