/** The secretariat's list of each webinar's registrations, and the participation figures that outlive it. */
package eu.s3cop.lists;
