package eu.s3cop.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadReportTest {

    @Test
    void aRejectionNamesTheUploadThenItsStatusThenEachProblemWithOnlyWhatIsKnown() {
        Map<String, Object> report = UploadReport.rejected("webinars/x.yaml",
                List.of(Problem.ofField("starts", 3, "not a date"), Problem.ofFile("the file is empty")));
        assertThat(report.keySet()).containsExactly("upload", "status", "problems");
        assertThat(report).containsEntry("upload", "webinars/x.yaml").containsEntry("status", "REJECTED");
        assertThat(report.get("problems")).isEqualTo(List.of(
                Map.of("field", "starts", "line", 3, "message", "not a date"), Map.of("message", "the file is empty")));
        assertThat(UploadReport.key("webinars/x.yaml")).isEqualTo("reports/webinars/x.yaml.json");
    }
}
