package eu.s3cop.system;

import eu.s3cop.testing.LocalAws;

/**
 * The webinar journey again, with the scheduler run from its deployment package; its budget is
 * {@link FunctionPackagesIntegrationTest}'s.
 */
@LocalAws(packaged = "webinar-scheduler")
class WebinarJourneyPackageIntegrationTest extends WebinarJourneyIntegrationTest {
}
