/** The scheduled run: reminders, webinar states, and the catalogue site. */
package eu.s3cop.scheduler;
