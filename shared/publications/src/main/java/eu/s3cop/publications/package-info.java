/** The publications table's one owner: publications, versions and upload statuses as records, and the classes that read and write them. */
package eu.s3cop.publications;
