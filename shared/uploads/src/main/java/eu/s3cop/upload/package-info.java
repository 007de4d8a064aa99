/**
 * What every reader of an uploaded file shares, whatever the file: the problems it finds, each
 * with its field and line; the outcome of reading; the YAML fields of a front matter or a
 * webinar file; and the report written beside the upload.
 */
package eu.s3cop.upload;
