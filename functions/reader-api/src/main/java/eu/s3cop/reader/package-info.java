/** The readers' HTTP API: catalogue, search, presigned downloads and webinar registration. */
package eu.s3cop.reader;
