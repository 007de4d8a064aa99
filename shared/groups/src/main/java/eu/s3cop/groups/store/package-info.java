/** Registries in the webinars table, the secretariat's table: the one place that spells out their keys. */
package eu.s3cop.groups.store;
