/** The webinar emails: links to confirm, invites, reminders, notices and recordings. */
package eu.s3cop.scheduler;
