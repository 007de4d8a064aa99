/** Renders a checked draft to a PDF brief: embedded fonts, tagged and archival, offline and reproducible. */
package eu.s3cop.render;
