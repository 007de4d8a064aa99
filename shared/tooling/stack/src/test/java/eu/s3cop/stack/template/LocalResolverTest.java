package eu.s3cop.stack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalResolverTest {

    private static final Template TEMPLATE = Template.parse("""
            Parameters:
              Stage: {Type: String, Default: prod}
              Sender: {Type: String}
            Resources:
              UploadsBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub 's3cop-${Stage}-uploads-${AWS::AccountId}'
              PublicationsTable:
                Type: AWS::DynamoDB::Table
                Properties: {}
              PublishBriefFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/publish-brief/target/publish-brief.jar
                  Handler: a.B::handleRequest
                  Environment:
                    Variables:
                      UPLOADS: !Sub 's3cop-${Stage}-uploads-${AWS::AccountId}'
                      TABLE: !Ref PublicationsTable
                      TABLE_ARN: !GetAtt PublicationsTable.Arn
                      STAGE_AND_REGION: !Sub '${Stage}/${AWS::Region}'
                      JOINED: !Join ['-', [!Ref Stage, x]]
            """);

    @Test
    void resolvesNamesToTheLocalCloudsOwn() {
        LocalResolver resolver = new LocalResolver(TEMPLATE, "eu-west-1", Map.of("Sender", "a@example.org"));
        assertThat(resolver.environment(TEMPLATE.function("publish-brief")))
                .containsEntry("UPLOADS", "s3cop-uploads")
                .containsEntry("TABLE", "s3cop-publications")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:eu-west-1:000000000000:table/s3cop-publications")
                .containsEntry("STAGE_AND_REGION", "prod/eu-west-1")
                .containsEntry("JOINED", "prod-x");
    }

    @Test
    void overridesReplaceParameterDefaults() {
        LocalResolver resolver = new LocalResolver(TEMPLATE, "eu-west-1", Map.of("Stage", "dev"));
        assertThat(resolver.resolve(Map.of("Ref", "Stage"), "x")).isEqualTo("dev");
    }

    @Test
    void aParameterWithoutDefaultOrOverrideIsNamedInTheError() {
        LocalResolver resolver = new LocalResolver(TEMPLATE, "eu-west-1", Map.of());
        assertThatThrownBy(() -> resolver.resolve(Map.of("Ref", "Sender"), "Fn.Environment.SENDER"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Fn.Environment.SENDER")
                .hasMessageContaining("Sender");
    }

    @Test
    void unsupportedIntrinsicsAreNamed() {
        LocalResolver resolver = new LocalResolver(TEMPLATE, "eu-west-1", Map.of());
        assertThatThrownBy(() -> resolver.resolve(Map.of("Fn::ImportValue", List.of("x")), "X"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Fn::ImportValue");
    }
}
