/** Webinars: the secretariat's webinar file, checked with its lines, the calendar invites made from it, and the kinds of material an event may list. */
package eu.s3cop.webinar.model;
