package eu.s3cop.brief;

import eu.s3cop.testing.LocalAws;

/**
 * Rejections again, from the deployment package: every report is still written.
 */
@LocalAws(packaged = "publish-brief")
class PublishBriefRejectionPackageIntegrationTest extends PublishBriefRejectionIntegrationTest {
}
