/** The publications table's one owner: publications, versions and upload statuses as records, and the store that reads and writes them. */
package eu.s3cop.publications;
