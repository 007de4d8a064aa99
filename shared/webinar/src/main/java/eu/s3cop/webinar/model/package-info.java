/** Webinars: the secretariat's webinar file, checked with its lines, and the calendar invites made from it. */
package eu.s3cop.webinar.model;
