/** The local HTTP endpoint: the template's HTTP API routes, schedules on demand, and a local SES outbox. */
package eu.s3cop.stack.http;
