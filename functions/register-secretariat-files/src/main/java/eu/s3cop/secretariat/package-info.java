/** The secretariat's files: webinar files under webinars/ and working groups' registries under working-groups/, checked, saved and reported on. */
package eu.s3cop.secretariat;
