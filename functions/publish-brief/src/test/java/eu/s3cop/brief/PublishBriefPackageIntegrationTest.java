package eu.s3cop.brief;

import eu.s3cop.testing.LocalAws;

/**
 * The publishing tests again, with publish-brief run from its deployment package in a class
 * loader of its own: what the package lacks fails here as it would on Lambda.
 */
@LocalAws(packaged = "publish-brief")
class PublishBriefPackageIntegrationTest extends PublishBriefIntegrationTest {
}
