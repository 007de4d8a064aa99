package eu.s3cop.stack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateYamlTest {

    @Test
    void shortFormIntrinsicsBecomeTheirJsonForms() {
        Map<String, Object> document = TemplateYaml.read("""
                A: !Ref Bucket
                B: !Sub '${AWS::StackName}-x'
                C: !GetAtt Table.Arn
                D: !Join [',', [a, !Ref B]]
                E: !Select [0, !Split [',', 'a,b']]
                F: 42
                G: true
                H: ~
                """);

        assertThat(document).containsEntry("A", Map.of("Ref", "Bucket"))
                .containsEntry("B", Map.of("Fn::Sub", "${AWS::StackName}-x"))
                .containsEntry("C", Map.of("Fn::GetAtt", List.of("Table", "Arn")))
                .containsEntry("D", Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "B")))))
                .containsEntry("E", Map.of("Fn::Select", List.of(0L, Map.of("Fn::Split", List.of(",", "a,b")))))
                .containsEntry("F", 42L)
                .containsEntry("G", true)
                .containsEntry("H", null);
    }

    @Test
    void getAttWithoutAnAttributeIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> TemplateYaml.read("A: !GetAtt Table\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resource.Attribute")
                .hasMessageContaining("line 1");
    }

    @Test
    void aTemplateMustBeAMapping() {
        assertThatThrownBy(() -> TemplateYaml.read("- a\n- b\n")).isInstanceOf(TemplateException.class).hasMessageContaining("mapping");
    }
}
