/** The catalogue site's refresh, fed by the publications table's stream. */
package eu.s3cop.refresh;
