/** The secretariat's files: webinar files and each event's materials under webinars/, working groups' registries under working-groups/, checked, saved and reported on. */
package eu.s3cop.secretariat;
