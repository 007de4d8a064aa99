/** Webinar registration: a webinar file uploaded under webinars/ is validated, stored and given a calendar invite. */
package eu.s3cop.webinar;
