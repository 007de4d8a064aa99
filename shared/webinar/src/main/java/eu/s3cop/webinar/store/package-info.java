/** Webinars, their materials and their registrations in DynamoDB: the AWS-facing adapter beside the webinar model. */
package eu.s3cop.webinar.store;
