package eu.s3cop.scheduler;

import eu.s3cop.testing.LocalAws;

/**
 * The scheduler's tests again, from the deployment package.
 */
@LocalAws(packaged = "webinar-scheduler")
class WebinarSchedulerPackageIntegrationTest extends WebinarSchedulerIntegrationTest {
}
