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
              SiteUrl: {Type: String, Default: ''}
            Conditions:
              HasSiteUrl: !Not [!Equals [!Ref SiteUrl, '']]
              ProdWithSite: !And [!Condition HasSiteUrl, !Equals [!Ref Stage, prod]]
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
    void ifResolvesOnlyTheBranchItsConditionPicks() {
        // The else branch names a resource the local stack cannot resolve: picking it would fail.
        Map<String, Object> siteUrl = Map.of("Fn::If", List.of("HasSiteUrl", Map.of("Ref", "SiteUrl"),
                Map.of("Fn::Sub", "https://${SiteDistribution.DomainName}/")));
        assertThat(new LocalResolver(TEMPLATE, "eu-west-1", Map.of("SiteUrl", "http://127.0.0.1:3000/")).resolve(siteUrl, "x"))
                .isEqualTo("http://127.0.0.1:3000/");
        assertThatThrownBy(() -> new LocalResolver(TEMPLATE, "eu-west-1", Map.of()).resolve(siteUrl, "x"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("SiteDistribution.DomainName");
        Map<String, Object> both = Map.of("Fn::If", List.of("ProdWithSite", "yes", "no"));
        assertThat(new LocalResolver(TEMPLATE, "eu-west-1", Map.of("SiteUrl", "https://s3cop.example.org/")).resolve(both, "x")).isEqualTo("yes");
        assertThat(new LocalResolver(TEMPLATE, "eu-west-1", Map.of("SiteUrl", "https://s3cop.example.org/", "Stage", "dev")).resolve(both, "x"))
                .isEqualTo("no");
        assertThatThrownBy(() -> new LocalResolver(TEMPLATE, "eu-west-1", Map.of()).resolve(Map.of("Fn::If", List.of("Nowhere", "a", "b")), "y"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Nowhere");
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
