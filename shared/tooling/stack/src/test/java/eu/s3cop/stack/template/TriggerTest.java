package eu.s3cop.stack.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which S3 events a trigger takes, and which two triggers S3 would refuse in one bucket. */
class TriggerTest {

    private static Trigger.S3 s3(String events, String prefix, String suffix) {
        return new Trigger.S3("Event", "UploadsBucket", List.of(events.split(" ")), prefix, suffix);
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "s3:ObjectCreated:Put, webinars/a.yaml, true",
            "s3:ObjectCreated:CompleteMultipartUpload, webinars/a/materials/b.pdf, true",
            "s3:ObjectRemoved:Delete, webinars/a.yaml, false",
            "s3:ObjectCreated:Put, reports/webinars/a.yaml.json, false"})
    void aCreatedTriggerTakesEveryCreationUnderItsPrefixAndNoRemoval(String event, String key, boolean taken) {
        assertThat(s3("s3:ObjectCreated:*", "webinars/", "").matches(event, key)).isEqualTo(taken);
    }

    @Test
    void aRemovedTriggerTakesDeletionsAndDeleteMarkers() {
        Trigger.S3 removed = s3("s3:ObjectRemoved:*", "webinars/", "");
        assertThat(removed.matches("s3:ObjectRemoved:Delete", "webinars/a/materials/b.pdf")).isTrue();
        assertThat(removed.matches("s3:ObjectRemoved:DeleteMarkerCreated", "webinars/a/materials/b.pdf")).isTrue();
        assertThat(removed.matches("s3:ObjectCreated:Put", "webinars/a/materials/b.pdf")).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}*{2} and {3} {4}*{5}: {6}")
    @CsvSource({
            // The two webinar triggers this project had: one prefix, and suffixes neither of which ends the other.
            "s3:ObjectCreated:*, webinars/, .yaml, s3:ObjectCreated:*, webinars/, .yml, false",
            // A prefix-only trigger beside them covers every key they do.
            "s3:ObjectCreated:*, webinars/, '', s3:ObjectCreated:*, webinars/, .yaml, true",
            "s3:ObjectCreated:*, webinars/, '', s3:ObjectCreated:Put, webinars/materials/, .pdf, true",
            "s3:ObjectCreated:*, webinars/, '', s3:ObjectRemoved:*, webinars/, '', false",
            "s3:ObjectCreated:Put, webinars/, '', s3:ObjectCreated:Copy, webinars/, '', false",
            "s3:ObjectCreated:*, webinars/, '', s3:ObjectCreated:*, working-groups/, .yaml, false",
            "s3:ObjectCreated:*, '', .md, s3:ObjectCreated:*, drafts/, .md, true"})
    void overlappingTriggersShareAnEventTypeAndSomeKey(String events, String prefix, String suffix,
            String otherEvents, String otherPrefix, String otherSuffix, boolean overlap) {
        Trigger.S3 one = s3(events, prefix, suffix);
        Trigger.S3 other = s3(otherEvents, otherPrefix, otherSuffix);
        assertThat(one.overlaps(other)).isEqualTo(overlap);
        assertThat(other.overlaps(one)).isEqualTo(overlap);
    }

    @Test
    void triggersOfDifferentBucketsNeverOverlap() {
        Trigger.S3 uploads = s3("s3:ObjectCreated:*", "webinars/", "");
        Trigger.S3 site = new Trigger.S3("Event", "SiteBucket", List.of("s3:ObjectCreated:*"), "webinars/", "");
        assertThat(uploads.overlaps(site)).isFalse();
    }
}
